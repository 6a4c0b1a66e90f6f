# Paging of long lists (start page, reviews, checks).
paging-label = Leheküljed
paging-previous = Eelmine lehekülg
paging-next = Järgmine lehekülg
paging-range = { $from }–{ $to }, kokku { $total }
