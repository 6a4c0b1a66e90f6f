# The review reminder e-mail (`ametijuhend notify`), in the recipient account's language.
mail-review-subject-one = Annual review of the job description: { $title } (due { $due })
mail-review-subject-many = Annual review of job descriptions: { $count ->
    [one] { $count } position
   *[other] { $count } positions
}
mail-review-greeting = Hello, { $name }!
mail-review-intro = A job description is reviewed once a year together with the supervisor. The review of these positions is due within { $days ->
    [one] { $days } day
   *[other] { $days } days
}:
mail-review-item = - { $title } ({ $unit }) – due { $due }
mail-review-outro = Record the outcome of the review (no change, or a new version started) in the registry on the position's page.
mail-signature = The registry of job descriptions
