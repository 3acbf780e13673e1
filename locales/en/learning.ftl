## Learning: screens

learn-open = Learn about breast milk
learn-title = Learn
learn-intro = Take the first test, read the lessons, then take the final test.
learn-pre-score = First test: { $score }
learn-post-score = Final test: { $score }
learn-no-score = not yet
learn-start-pre = Start the first test
learn-start-post = Start the final test
learn-lessons = Lessons
learn-read = read
lesson-done = Done reading
quiz-title-pre = First test
quiz-title-post = Final test
quiz-intro = For each statement, choose True or False.
quiz-true = True
quiz-false = False
quiz-submit = Done
quiz-score = Your score: { $score }
quiz-gain = Up from { $pre } to { $score }!
quiz-pre-then-read = Now read the lessons, then take the final test.
quiz-missed = Not quite right yet:
quiz-answer-was = The right answer: { $answer }
quiz-read-lesson = Read: { $lesson }
quiz-all-right = All correct!
read-massage-lesson = Read the oxytocin massage lesson
review-knowledge = Knowledge test: first { $pre }, final { $post }

## Lessons (sources: shared/seeds and DESIGN.md)

lesson-what-is-asi-title = Breast milk and exclusive breastfeeding
lesson-what-is-asi-p1 = Breast milk (ASI) is the best food for a baby. It matches what the baby needs to grow and protects against illness.
lesson-what-is-asi-p2 = Exclusive breastfeeding means the baby gets only breast milk from birth to 6 months: no other food or drink, not even water or formula.
lesson-what-is-asi-p3 = After 6 months the baby starts other foods and keeps breastfeeding up to 2 years.
lesson-what-is-asi-source = Source: seed 000 (breastfeeding education, RB Rosita Pekanbaru 2024, citing Government Regulation 33/2012) and seed 002.
lesson-benefits-title = Why breast milk helps
lesson-benefits-p1 = For the baby: it is easy to digest, builds immunity, helps the brain grow, lowers the risk of allergy and obesity, and is not easily contaminated.
lesson-benefits-p2 = For the mother: breastfeeding helps the womb shrink back, lowers the risk of breast and uterine cancer, helps delay a new pregnancy, and reduces stress.
lesson-benefits-p3 = For the family: it costs nothing, is always ready, never goes off, and brings mother and baby close.
lesson-benefits-source = Source: seed 000 (benefits for baby and mother).
lesson-hormones-title = How milk is made and let down
lesson-hormones-p1 = Two hormones work together: prolactin makes the milk, oxytocin lets it flow out.
lesson-hormones-p2 = The more often the baby feeds (8-10 times a day), the more milk is made. When the baby feeds less, production drops.
lesson-hormones-p3 = Oxytocin is called the love hormone: more of it flows when the mother is calm, rested, safe, happy and loved. Nutritious food helps milk production.
lesson-hormones-source = Source: seed 000 (prolactin, oxytocin, feeding frequency) and seed 002.
lesson-what-lowers-milk-title = What lowers the milk
lesson-what-lowers-milk-p1 = Stress, worry, sadness and exhaustion hold the milk back.
lesson-what-lowers-milk-p2 = Smoking and alcohol reduce milk. Smoking disturbs prolactin and oxytocin. Never smoke near the mother and baby.
lesson-what-lowers-milk-p3 = Some contraceptives can reduce milk. Options for breastfeeding mothers include condoms, an IUD, breastfeeding-safe pills or the 3-monthly injection. Ask the midwife.
lesson-what-lowers-milk-source = Source: seed 000 (factors affecting milk production).
lesson-father-role-title = The Ayah ASI: the father's role
lesson-father-role-p1 = An Ayah ASI is a father who supports breastfeeding. Support from the family, above all the husband, keeps the mother calm and confident.
lesson-father-role-p2 = You can help: give the oxytocin massage morning and evening, take over housework, make sure she rests and eats well, and keep her company while she feeds.
lesson-father-role-p3 = The oxytocin massage can be given by the father. Posyandu cadres train and coach you.
lesson-father-role-source = Source: seed 004 (Ayah ASI training, Posyandu RW 11 Pekanbaru) and seed 002.
lesson-oxytocin-massage-title = The oxytocin massage
lesson-oxytocin-massage-p1 = The oxytocin massage runs down both sides of the spine, from the bony bump at the base of the neck to the level of the 5th-6th ribs (bra-strap level). It relaxes her and helps oxytocin flow, so the milk comes.
lesson-oxytocin-massage-p2 = How: she sits leaning forward on her arms. Oil your palms, place two fists either side of the spine with thumbs up, press in small circles while moving down. Three passes of 2-3 minutes, twice a day. Never press on the spine itself.
lesson-oxytocin-massage-p3 = Do not massage if her back has a wound, rash or infection; if she has had a spine injury or spine surgery; if she has a fever, heavy bleeding or dizziness; or if it hurts. Stop whenever she asks.
lesson-oxytocin-massage-source = Source: seed 002 (massage down to the 5th-6th ribs), seed 004 (massage training), DESIGN.md section 2 (steps and safety).
lesson-see-midwife-title = When to see the midwife
lesson-see-midwife-p1 = Contact the midwife at once if no milk has come by day 3 or 4 after the birth.
lesson-see-midwife-p2 = Also if a breast is red, hot and painful.
lesson-see-midwife-p3 = And if the baby wets fewer than 6 nappies a day.
lesson-see-midwife-source = Source: DESIGN.md section 2 (referral signs).

## The knowledge test (answers are in domain::learning)

quiz-s1 = Exclusive breastfeeding means only breast milk for the first 6 months, no other food or drink.
quiz-s2 = A 3-month-old baby needs water or formula so as not to be thirsty.
quiz-s3 = Breastfeeding helps the womb shrink back and lowers the risk of breast cancer.
quiz-s4 = Prolactin makes the milk, and oxytocin lets it flow out.
quiz-s5 = The less often the baby feeds, the more milk is made.
quiz-s6 = Smoking near a breastfeeding mother does not affect her milk.
quiz-s7 = The father's support and massage help the mother stay calm, so the milk flows better.
quiz-s8 = The oxytocin massage runs down both sides of the spine, from the base of the neck to the level of the 5th-6th ribs.
quiz-s9 = The oxytocin massage may still be given when her back has a wound or she has a fever.
quiz-s10 = If no milk has come by day 4, or a breast is red, hot and painful, she should see the midwife at once.
