# The task lists of the start page ("Minu ülesanded").
tasks-title = Minu ülesanded
tasks-none = Sind ei oota praegu ühtegi ülesannet.
tasks-all = Kõik ({ $count })
task-from = kehtib alates
task-revise = Tagasi saadetud kavandid
task-revise-hint = Kooskõlastaja saatis need kommentaariga tagasi: paranda kavandit ja saada see uuesti kooskõlastamiseks.
task-submit = Kavandid kooskõlastamiseks
task-submit-hint = Kavandid sinu üksustes: kui sisu on valmis, saada kavand kooskõlastamiseks.
task-submit-mine = Minu alustatud kavandid
task-sign-off-as-supervisor = Ootavad sinu kooskõlastust vahetu juhina
task-sign-off-as-supervisor-hint = Vaata ametijuhend üle ning kooskõlasta see või saada kommentaariga tagasi.
task-sign-off-as-hr = Ootavad personaliosakonna kooskõlastust
task-sign-off-as-hr-hint = Vaata ametijuhend üle ning kooskõlasta see või saada kommentaariga tagasi.
task-approve = Kooskõlastatud, ootavad käskkirja
task-approve-hint = Mõlemad kooskõlastused on olemas: lisa ametijuhend käskkirja lisaks; käskkirja registreerimine kinnitab selle.
task-acknowledge = Ootavad ametniku või töötaja tutvumist
task-acknowledge-hint = Kinnitatud ametijuhendid, millega ametikoha täitja pole veel tutvunud; tutvumise võib märkida ka täitja eest.
task-acknowledge-own = Sinu ametijuhend ootab tutvumist
task-put-in-force = Jõustamiseks valmis
task-put-in-force-hint = Tutvutud ja kehtima hakkamise päev on käes: jõusta ametijuhend (eelmine versioon kaotab samal ajal kehtivuse).
task-directives = Registreerimata käskkirjad
task-directives-hint = Kui dokumendiregister on käskkirjale numbri ja kuupäeva andnud, kanna need siia: see kinnitab käskkirja lisad.
task-annexes = { $count ->
    [one] { $count } lisa
   *[other] { $count } lisa
}
nav-tasks-waiting = ülesannet ootab
task-sign-off-as-supervisor-without-manager = Ootavad vahetu juhi kooskõlastust üksustes, kus juhi kontot pole
task-sign-off-as-supervisor-without-manager-hint = Nende ametikohtade üksustel ei ole juhi kontot, seega kooskõlastab personaliosakond juhi asemel. Personaliosakonna enda kooskõlastuse annab siis teine personalitöötaja.
