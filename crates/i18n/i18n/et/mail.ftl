# Ülevaatuse meeldetuletuse e-kiri (`ametijuhend notify`), saaja konto keeles.
mail-review-subject-one = Ametijuhendi iga-aastane ülevaatus: { $title } (tähtaeg { $due })
mail-review-subject-many = Ametijuhendite iga-aastane ülevaatus: { $count ->
    [one] { $count } ametikoht
   *[other] { $count } ametikohta
}
mail-review-greeting = Tere, { $name }!
mail-review-intro = Ametijuhend vaadatakse üle kord aastas koos vahetu juhiga. Järgmiste ametikohtade ülevaatuse tähtaeg on { $days } päeva jooksul:
mail-review-item = - { $title } ({ $unit }) – tähtaeg { $due }
mail-review-outro = Ülevaatuse tulemus (muudatusteta või uus versioon alustatud) märgitakse registris ametikoha lehel.
mail-signature = Ametijuhendite register
