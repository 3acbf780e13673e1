## Family profile: the mother's characteristics (optional)

field-mother-details = Mother's details for reports (optional)
field-mother-age = Mother's age (years)
field-mother-education = Mother's schooling
field-parity = Which birth is this
field-not-recorded = Not given
education-sd = Primary (SD)
education-smp = Junior secondary (SMP)
education-sma = Senior secondary (SMA)
education-perguruan-tinggi = Higher education
education-not-recorded = Not recorded
parity-primipara = First child (primipara)
parity-multipara = Second child or later (multipara)
parity-not-recorded = Not recorded
age-under-25 = < 25 years
age-25-35 = 25-35 years
age-over-35 = > 35 years
age-not-recorded = Not recorded
milk-status-not-recorded = Not recorded

## The posyandu report

report-open = Posyandu report
report-title = Posyandu report
report-scope = Period { $from } – { $to } · { $posyandu } · { $rw }
report-period = Period
report-last-months = Last { $months } months
report-posyandu = Posyandu
report-all-posyandu = All posyandu
report-participants = Participants
report-enrolled = Fathers enrolled
report-pregnant = Still pregnant (baby not yet born)
report-trained = Trained hands-on (by a midwife or therapist)
report-post-tested = Took the final test
report-active = Active (a massage in the last 7 days)
report-characteristics = Mothers' characteristics
report-category = Category
report-frequency = Frequency
report-percent = %
report-total = Total
report-milk-before = Milk production before the oxytocin massage
report-milk-after = Milk production after the oxytocin massage
report-milk-test = Wilcoxon test: milk production before and after
report-knowledge = Fathers' knowledge: first and final test
report-knowledge-means = Mean first test { $pre }, final test { $post }
report-negative-ranks = Negative ranks (after < before)
report-positive-ranks = Positive ranks (after > before)
report-ties = Ties
report-mean-rank = Mean rank
report-sum-ranks = Sum of ranks
report-exact-p = exact p
report-significant = Significant at 5%: there is a change between before and after.
report-not-significant = Not significant at 5%.
report-too-few-pairs = Too few before-after pairs to test (at least 2 needed).
report-competence = Massage givers' competence (daftar tilik)
report-competence-line = { $assessed } massage givers assessed, { $competent } competent ({ $percent }%) at their latest visit
report-failed-row = Steps most often not yet correct
report-fathers = Fathers
report-comfort = Mothers' comfort
report-comfort-line = { $ratings } ratings, mean { $mean } of 5
report-print = Print
report-sheet-age = Mother's age
report-sheet-education = Mother's education
report-sheet-parity = Parity
report-sheet-milk-before = Milk before
report-sheet-milk-after = Milk after
report-sheet-milk-test = Wilcoxon test milk
report-sheet-knowledge-test = Wilcoxon test knowledge
report-mean = Mean
report-assessed = Massage givers assessed
report-competent = Competent
report-critical-failed = Safety requirement not met at the latest visit
report-file-prefix = posyandu-report
report-export-xlsx = Export XLSX
report-export-csv = Export CSV
report-exported = Saved: { $files }
report-shared = Ready to send: { $files }
report-share-xlsx = Share XLSX
report-share-csv = Share CSV
share-report-title = Send the posyandu report
report-export-cancelled = Export cancelled.
report-exporting = Exporting…
report-before = Before
report-after = After
report-milk-chart = Milk production before and after: flowing well, not well, none, not recorded.
review-pain = Pain { $before } → { $after }
review-scores-chart = Checklist score per visit; green line: competence at 80%.
report-rw = RW
report-all-rw = All RWs
report-sheet-given-by = Massage sessions by who gave them
given-by-father = Father
given-by-grandmother = Grandmother
given-by-other-family = Another family member
given-by-not-recorded = Not recorded
report-cadres = Cadres' counselling
report-cadre = Cadre
report-pre = Pre-test
report-post = Post-test
report-cadres-counselled = Cadres with both the pre-test and the post-test
report-cadres-none = No cadre has taken the test on this device yet.

## Exclusive breastfeeding (feeding.rs; sources in docs/feeding-indicators.md)

report-feeding = Exclusive breastfeeding
report-feeding-age = Baby's age
report-feeding-babies = Babies
report-feeding-exclusive = Breast milk only
report-feeding-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
report-feeding-total = 0 to 5 months (24-hour recall: breast milk only yesterday)
report-feeding-six-months = Reached six months in the period
report-feeding-since-birth = Exclusively breastfed to six months (breast milk only from birth, of those known)
report-feeding-not-known = Not known (not asked "breast milk only since birth" at five months)
