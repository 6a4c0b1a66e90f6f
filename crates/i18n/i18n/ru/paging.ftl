# Paging of long lists (start page, reviews, checks).
paging-label = Страницы
paging-previous = Предыдущая страница
paging-next = Следующая страница
paging-range = { $from }–{ $to } из { $total }
