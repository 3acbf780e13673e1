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

learn-cadre-title = Cadre learning & test
learn-cadre-intro = Cadre counselling: take the first test, read the lessons (the same the fathers read), then take the final test. The scores go into the posyandu report.
learn-cadre-open = Cadre learning & test
quiz-cadre-score = Test score: { $score }

## Lessons (each cites its sources in its -source line)

lesson-what-is-asi-title = Breast milk and exclusive breastfeeding
lesson-what-is-asi-p1 = Breast milk (ASI) is the best food for a baby. It matches what the baby needs to grow and protects against illness.
lesson-what-is-asi-p2 = Exclusive breastfeeding means the baby gets only breast milk from birth to 6 months: no other food or drink, not even water or formula. Only vitamins, minerals and medicines given by a health worker are allowed.
lesson-what-is-asi-p3 = After 6 months the baby starts complementary foods (MPASI) and keeps breastfeeding up to 2 years or longer.
lesson-what-is-asi-source = Source: Government Regulation (PP) No. 33 of 2012 on Exclusive Breastfeeding (now covered by PP No. 28 of 2024); Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on breastfeeding (Menyusui).
lesson-benefits-title = Why breast milk helps
lesson-benefits-p1 = For the baby: it is easy to digest, builds immunity, helps the brain grow, lowers the risk of allergy and obesity, and is not easily contaminated.
lesson-benefits-p2 = For the mother: breastfeeding helps the womb shrink back, reduces bleeding after the birth, and lowers the risk of breast and ovarian cancer. Breastfeeding delays a new pregnancy only when all three hold: the baby gets only breast milk and feeds often day and night, her periods have not returned, and the baby is under 6 months. Talk to the midwife about family planning.
lesson-benefits-p3 = For the family: it saves money, is always ready and always fresh straight from the breast; breastfeeding brings mother and baby close. (Expressed milk can go off. Store it as the lesson "Expressing and storing milk for a mother who works" says.)
lesson-benefits-source = Source: Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on breastfeeding (Menyusui); WHO, Infant and young child feeding (fact sheet).
lesson-hormones-title = How milk is made and let down
lesson-hormones-p1 = Two hormones work together: prolactin makes the milk, oxytocin lets it flow out.
lesson-hormones-p2 = The more often the baby feeds, the more milk is made. A baby needs to feed at least 8 times a day (8-12 times), as often as the baby wants, day and night. When the baby feeds less, production drops.
lesson-hormones-p3 = Oxytocin is called the love hormone: more of it flows when the mother is calm, rested, safe, happy and loved. Nutritious food helps milk production.
lesson-hormones-source = Source: Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on breastfeeding (Menyusui); WHO, Infant and young child feeding (fact sheet).
lesson-what-lowers-milk-title = What lowers the milk
lesson-what-lowers-milk-p1 = Stress, worry, sadness and exhaustion hold the milk back.
lesson-what-lowers-milk-p2 = Smoking and alcohol reduce milk. Smoking disturbs prolactin and oxytocin. Never smoke near the mother and baby.
lesson-what-lowers-milk-p3 = Contraceptives that contain oestrogen (such as the combined pill) can reduce milk. Methods that suit breastfeeding mothers include condoms, an IUD, the breastfeeding pill, the 3-monthly injection and an implant. The monthly injection also contains oestrogen, so it is not recommended while breastfeeding. Family planning for the father: condoms, or a vasectomy (MOP) if you and she do not want any more children (a vasectomy is permanent). The midwife helps choose a method and decide when to start.
lesson-what-lowers-milk-source = Source: Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on the mother after birth (Ibu Nifas: family planning after the birth); WHO, Medical eligibility criteria for contraceptive use.
lesson-father-role-title = The Ayah ASI: the father's role
lesson-father-role-p1 = An Ayah ASI is a father who supports breastfeeding. Support from the family, above all the husband, keeps the mother calm and confident.
lesson-father-role-p2 = You can help: give the oxytocin massage morning and evening, take over housework, make sure she rests and eats well, and keep her company while she feeds.
lesson-father-role-p3 = You learn the oxytocin massage from a midwife or a certified massage therapist. Posyandu cadres watch and coach you on home visits and at the posyandu. Another family member, such as the grandmother, may also give the massage. Whoever gives the massage should be trained in person by a midwife or a certified massage therapist, then coached by a cadre.
lesson-father-role-p4 = Take her and the baby to the postnatal visits for the mother and for the newborn at the midwife or puskesmas: 6 hours to 2 days after the birth, day 3 to day 7, day 8 to day 28, and for the mother also day 29 to day 42. Bring the Maternal and Child Health Book (Buku KIA) every time.
lesson-father-role-source = Sources: Community-service report on training "Ayah ASI" fathers in the oxytocin massage, Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022; Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, sections on the mother after birth (Ibu Nifas: support from the husband and family, postnatal visits) and the newborn (Bayi Baru Lahir: newborn visits).
lesson-oxytocin-massage-title = The oxytocin massage
lesson-oxytocin-massage-p1 = The oxytocin massage runs down both sides of the spine, from the bony bump at the base of the neck to the level of the 5th-6th ribs (bra-strap level). It relaxes her and helps oxytocin flow, so the milk comes.
lesson-oxytocin-massage-p2 = How: she sits leaning forward on her arms. Put oil on your palms, make two fists and place them either side of the spine with the thumbs pointing towards her head, then press with small circular movements while moving down. Usually 3 rounds of massage, each 2-3 minutes, every morning and evening, as the midwife or cadre planned. Never press on the spine itself.
lesson-oxytocin-massage-p3 = Do not massage if her back has a wound, rash or infection; if she has ever had a spine injury or spine surgery; or if her back is very painful or swollen. If she has a fever, heavy bleeding, has fainted or is very dizzy, has a severe headache, blurred vision, fits, swelling of the face and hands, difficulty breathing or chest pain, severe pain in the lower belly, foul-smelling discharge from the birth canal, a painful and swollen calf, or a stitched wound that is red, swollen or oozing pus: do not massage, take her to the midwife or puskesmas now. While you massage, ask whether the pressure is right, and stop whenever it hurts or she asks.
lesson-oxytocin-massage-source = Sources: WHO and UNICEF, Breastfeeding Counselling: A Training Course (back massage to stimulate the oxytocin reflex); Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022; Community-service report on training "Ayah ASI" fathers in the oxytocin massage, Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on the mother after birth (Ibu Nifas: danger signs).
lesson-see-midwife-title = When to see the midwife
lesson-see-midwife-p1 = Contact the midwife today if by day 3 after the birth the milk has not increased (her breasts do not feel fuller), or the baby does not seem satisfied. A little colostrum on days 1 and 2 is normal.
lesson-see-midwife-p2 = Contact the midwife today if a breast is red, hot and painful, or has a lump. Keep breastfeeding from both breasts, including the painful one: emptying the breast helps it heal. If she also has a fever, take her to the midwife or puskesmas now.
lesson-see-midwife-p3 = Take the baby to the midwife or puskesmas now, do not wait, if the baby: will not feed; is limp or hard to wake; has fits; breathes fast or with difficulty (the lower chest pulls in with each breath); grunts; feels hot or cold to the touch; has a cord that is red, oozes pus or smells; has pus from the eyes; has pale, putty-coloured stools; keeps vomiting or has diarrhoea; or has yellow skin and eyes on the first day, yellow reaching the palms and soles, or yellow for more than 2 weeks.
lesson-see-midwife-p4 = Contact the midwife if the baby wets fewer nappies than expected for the baby's age. In the first days there are few wet nappies (about 1 on day 1, 2 on day 2, 3 on day 3, 4 on day 4). From about day 5, a baby getting enough milk wets 6 or more nappies a day.
lesson-see-midwife-p5 = Take her to the midwife or puskesmas now, do not wait, if she has a fever, heavy bleeding from the birth canal, has fainted or is very dizzy, has a severe headache, blurred vision, fits, or swelling of the face and hands.
lesson-see-midwife-p6 = Take her to the midwife or puskesmas now, do not wait, also if her discharge from the birth canal smells foul; her lower belly is very painful; a stitched wound (in the birth canal or from a caesarean) is red, swollen or oozing pus; she is short of breath or has chest pain; or a calf is painful and swollen.
lesson-see-midwife-p7 = Watch her feelings too. If for more than 2 weeks she is sad, low, cries for no reason, cannot sleep even when the baby sleeps, or does not want to care for the baby, take her to the midwife. If she talks about harming herself or the baby, do not leave her alone, and take her to the midwife or puskesmas now. If she seems confused, talks or behaves strangely, sees or hears things that are not there, or has not slept at all for days: take her to the midwife or puskesmas now, even before 2 weeks have passed.
lesson-see-midwife-source = Source: Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, sections on the mother after birth (Ibu Nifas) and the newborn (Bayi Baru Lahir): danger signs; WHO, Recommendations on maternal and newborn care for a positive postnatal experience (2022).

## Lessons added in issue 18 (quiz v3): colostrum and IMD, latch, fathers' myths, expressed milk
lesson-colostrum-imd-title = Colostrum and early initiation of breastfeeding (IMD)
lesson-colostrum-imd-p1 = Colostrum is the first milk, in the first days: thick and yellowish. There is not much of it, but it is enough for the baby's small stomach, and it is rich in protection against illness. Do not throw it away: give all of it to the baby.
lesson-colostrum-imd-p2 = Early initiation of breastfeeding (IMD): right after the birth, the baby lies on the mother's chest, skin to skin, for at least 1 hour, until the baby finds the nipple and feeds by itself. It helps the milk come sooner, keeps the baby warm and calms the mother.
lesson-colostrum-imd-p3 = Your part: while she is pregnant, tell the midwife that the family wants IMD. After the birth, stay with her. Give the baby no food or drink at all other than breast milk, such as water, sugar water, rice water (air tajin), banana or formula. Formula is given only if the midwife or doctor asks for it for a medical reason. Honey is never allowed for a baby under 1 year, not even a dab on the lips.
lesson-colostrum-imd-source = Sources: Government Regulation (PP) No. 33 of 2012 on Exclusive Breastfeeding (now covered by PP No. 28 of 2024), which requires IMD for at least 1 hour; Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on the newborn (Bayi Baru Lahir); WHO and UNICEF, Ten Steps to Successful Breastfeeding (2018).
lesson-latch-title = Latch and positioning
lesson-latch-p1 = A good latch: the baby's mouth wide open, the chin touching the breast, the lower lip turned out, and most of the areola (the dark skin around the nipple) in the baby's mouth, not only the nipple. The baby sucks slowly and deeply, and you can hear swallowing.
lesson-latch-p2 = Position: the baby's body faces and touches the mother's, head and body in one straight line, the nose opposite the nipple. Sore nipples usually mean the latch is not quite right: improve it, then put a little breast milk on the nipple after feeding and let it dry. Swollen breasts: feed more often, a warm compress before feeding and a cold one after, and express a little milk so the areola is soft.
lesson-latch-p3 = How you help: bring pillows to support her arm and the baby, bring her a drink, carry and burp the baby, and take over the housework so she can rest. If a nipple is sore and bleeding, a breast is red, hot and painful, or there is a lump: contact the midwife today, and keep breastfeeding the baby from both breasts. If she has a fever: take her to the midwife or puskesmas now.
lesson-latch-source = Sources: Ministry of Health of Indonesia (Kementerian Kesehatan RI), Maternal and Child Health Book (Buku Kesehatan Ibu dan Anak), 2023 edition, section on breastfeeding (Menyusui); WHO and UNICEF, Ten Steps to Successful Breastfeeding (2018); WHO, Infant and young child feeding (fact sheet).
lesson-fathers-myths-title = What people say about fathers and breastfeeding
lesson-fathers-myths-p1 = "Breastfeeding is only the mother's business." Not true. A mother her husband supports is calmer and more confident, and calm helps oxytocin let the milk flow. Your support helps decide whether exclusive breastfeeding works.
lesson-fathers-myths-p2 = "A baby who cries a lot has too little milk and needs formula." Not necessarily: babies cry for many reasons, and they do feed often, 8 times a day or more. Signs of enough milk: from about day 5 the baby wets 6 or more nappies a day, and gains weight when weighed at the posyandu. If unsure, ask the midwife before giving formula.
lesson-fathers-myths-p3 = "A father can do nothing because he does not breastfeed." You can do a lot: give the oxytocin massage, carry and calm the baby, burp, change nappies, make her meals and drinks, and go with her to the posyandu. If relatives advise otherwise, talk kindly and ask the midwife or cadre together.
lesson-fathers-myths-source = Sources: Community-service report on training "Ayah ASI" fathers in the oxytocin massage, Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); WHO, Infant and young child feeding (fact sheet).
lesson-expressing-storing-title = Expressing and storing milk for a mother who works
lesson-expressing-storing-p1 = A mother going back to work can still breastfeed exclusively by expressing her milk. Wash hands with soap, use clean containers with lids (glass bottles or milk bags), express by hand or pump about every 3 hours while she is away from the baby, and write the date and time on each container. At home and at night she keeps breastfeeding directly. Her workplace must give her the chance to express milk or breastfeed during working hours, and provide a breastfeeding room as far as it is able (Government Regulation No. 28 of 2024, which replaces Government Regulation No. 33 of 2012).
lesson-expressing-storing-p2 = How long expressed milk keeps: in a cool room (up to 25°C) at most 4 hours; in a cool bag with ice at most 24 hours; at the back of the fridge, not in the door (4°C or colder), at most 4 days; in the small freezer compartment inside a one-door fridge at most 2 weeks; in the freezer of a two-door fridge at most 3 months; in a separate freezer with its own door (−18°C) at most 6 months. If the room is hotter, put it in the fridge or a cool bag straight away. Use the oldest first.
lesson-expressing-storing-p3 = Thaw frozen milk in the fridge overnight, or stand the container in warm (not boiling) water. Never boil it and never heat it in a microwave. Milk thawed in the fridge and kept in the fridge is used within 24 hours. Milk thawed in warm water or already warmed is used within 1-2 hours. Never freeze thawed milk again. Give it by cup or spoon. Throw away what is left no later than 2 hours after the baby finishes drinking. You can wash and prepare the containers, and give the expressed milk while she is at work.
lesson-expressing-storing-source = Sources: Academy of Breastfeeding Medicine, Clinical Protocol #8: Human Milk Storage Information for Home Use for Full-Term Infants (2017), the optimal-time column; CDC, Proper Storage and Preparation of Breast Milk; Government Regulation (PP) No. 28 of 2024 (replacing PP No. 33 of 2012). The 2-week limit for the small freezer compartment inside a one-door fridge follows the old versions of the ABM and CDC tables. Some Ministry of Health (Kemenkes) material gives longer storage times; this app uses the shorter limits, which are safer in a hot home.

## The knowledge test (answers are in domain::learning)

quiz-s1 = Exclusive breastfeeding means only breast milk for the first 6 months, no other food or drink (except vitamins, minerals and medicines from a health worker).
quiz-s2 = A 3-month-old baby needs water or formula so as not to be thirsty.
quiz-s3 = Breastfeeding helps the womb shrink back and lowers the risk of breast cancer.
quiz-s4 = Prolactin makes the milk, and oxytocin lets it flow out.
quiz-s5 = The less often the baby feeds, the more milk is made.
quiz-s7 = The father's support and massage help the mother stay calm, so the milk flows better.
quiz-s8 = The oxytocin massage runs down both sides of the spine, from the base of the neck to the level of the 5th-6th ribs.
quiz-s9 = The oxytocin massage may still be given when her back has a wound or she has a fever.
quiz-s10 = If by day 3 the milk has not increased, or a breast is red, hot and painful, she should see the midwife.
quiz-s11 = A mother who is anxious, stressed or very tired may find it harder to let her milk flow.
quiz-s12 = Colostrum (the first, thick yellowish milk) should be thrown away because it is dirty.
quiz-s13 = When a baby feeds well, most of the areola (the dark skin around the nipple) is in the baby's mouth, not only the nipple.
quiz-s14 = Expressed milk keeps for 2 days at room temperature, so it need not go in the fridge.
quiz-s15 = Breastfeeding is only the mother's business; the father need not be involved.
quiz-s16 = If she bleeds heavily after the birth, it is enough to wait for the next posyandu day.
