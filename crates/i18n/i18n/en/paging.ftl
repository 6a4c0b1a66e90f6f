# Paging of long lists (start page, reviews, checks).
paging-label = Pages
paging-previous = Previous page
paging-next = Next page
paging-range = { $from }–{ $to } of { $total }
