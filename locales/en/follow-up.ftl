## Handing the phone to the mother

handover-title = Please give the phone to her
handover-text = Now it is her turn to answer. She fills this in, not you.
handover-ready = I am the mother, continue

## The mother's rating

rating-title = How did it feel?
rating-comfort = How comfortable was the massage?
comfort-1 = Very uncomfortable
comfort-2 = Uncomfortable
comfort-3 = So-so
comfort-4 = Comfortable
comfort-5 = Very comfortable
rating-milk = Did milk come out after the massage?
milk-flow-none = No milk
milk-flow-drips = It dripped
milk-flow-sprays = It sprayed
rating-pain-before = Back pain before the massage (0 = none, 10 = worst)
rating-pain-after = Back pain after the massage
rating-pain-unanswered = Not answered
rating-note = Your note (optional)
rating-save = Save my answers
rating-skip = Skip
rating-thanks = Thank you! Your answers are saved.
rating-skipped = That's fine. The rating is recorded as not answered.
rating-correct = Change my answers
rating-rate-now = Answer now

## Milk production status

milk-status-title = Milk production
milk-status-due = It is time to record this week's milk production.
milk-status-record = Record milk production
milk-status-intro = For the mother to fill in. Tick what happened this week, then choose how the milk is.
milk-indicator-breasts-full-then-soft = Breasts feel full before feeds and softer after
milk-indicator-milk-drips = Milk drips
milk-indicator-feeds-8-12 = The baby feeds at least 8 times a day (8-12 times)
milk-indicator-sleeps-2-3-hours = Baby sleeps 2-3 hours after a feed
milk-indicator-wet-nappies-6 = The baby wets 6 or more nappies a day (from about day 5)
milk-indicator-satisfied-wakes = The baby seems satisfied after a feed and wakes by itself to feed again
milk-indicator-yellow-stools-3 = The baby passes yellowish stools at least 3 times a day (from day 4 to about 6 weeks)
milk-indicator-weight-gain = The baby's weight went up when weighed
milk-status-question = How is your milk?
milk-status-lancar = Flowing well (lancar)
milk-status-tidak-lancar = Not flowing well (tidak lancar)
milk-status-tidak-ada = No milk (tidak ada)
milk-status-save = Save
milk-status-last = Milk production last recorded { $date }: { $status }
referral-title = Signs to see the midwife
referral-no-milk = By day 3 after the birth the milk has not increased (her breasts do not feel fuller): contact the midwife today.
referral-breast = A breast that is red, hot and painful, or a lump: contact the midwife today and keep breastfeeding from both breasts. With a fever: take her to the midwife or puskesmas now.
referral-baby = The baby will not feed, is limp or hard to wake, has fits, breathes fast or with difficulty (the lower chest pulls in), grunts, feels hot or cold to the touch, has a cord that is red, oozes pus or smells, has pus from the eyes, has yellow skin and eyes (on the first day, reaching the palms and soles, or for more than 2 weeks), has pale, putty-coloured stools, or keeps vomiting or has diarrhoea: take the baby to the midwife or puskesmas now.
referral-nappies = Fewer wet nappies than expected for the baby's age (from about day 5: fewer than 6 a day).
referral-mother = She has a fever, heavy bleeding, has fainted or is very dizzy, a severe headache, blurred vision, fits, swelling of the face and hands, difficulty breathing or chest pain, severe pain in the lower belly, foul-smelling discharge from the birth canal, a painful and swollen calf, or a stitched wound that is red, swollen or oozing pus: take her to the midwife or puskesmas now.
referral-mother-mood = She has been sad, low or crying for no reason for more than 2 weeks: take her to the midwife. If she talks about harming herself or the baby: do not leave her alone, and take her to the midwife or puskesmas now. If she seems confused, talks or behaves strangely, sees or hears things that are not there, or has not slept at all for days: take her to the midwife or puskesmas now, even before 2 weeks have passed.
milk-none-advice = Milk recorded as "none". Contact the midwife today. She will check the mother and the baby and help make sure the baby gets enough to drink. Meanwhile, keep breastfeeding the baby as often as possible, day and night, and give no formula without the midwife's advice. If the baby is limp, hard to wake, will not feed, or rarely has a wet nappy, take the baby to the midwife or puskesmas now.

## History

history-title = Massage history
history-open = See history
history-chart-label = Massage sessions over the last 14 days. The plan is 2 a day.
history-feedback-start = No massage yet this week. Start today!
history-feedback-keep-going = { $finished } of { $planned } sessions this week. Keep going!
history-feedback-great = Great work! { $finished } of { $planned } sessions this week.
history-last-comfort = She rated the last rated session { $comfort } out of 5.
history-empty = No sessions yet.
history-outcome-finished = Finished
history-outcome-stopped = Stopped
history-outcome-not-started = Not started
history-not-rated = Not rated by her yet
history-rating-skipped = She skipped the rating
history-comfort = Comfort { $comfort }/5
history-legend-finished = finished
history-legend-stopped = stopped
history-legend-missed = missed

## Reminders

reminders-title = Reminders
reminders-enabled = Remind me twice a day
reminders-morning = Morning
reminders-evening = Evening
reminders-save = Save reminders
reminders-saved = Reminders saved.
reminders-next = Next reminder: { $time }
reminders-off = Reminders are off.
reminders-test = Try a reminder now
reminder-title = Ayah ASI
reminder-morning = Time for her morning oxytocin massage.
reminder-evening = Time for her evening oxytocin massage.

history-visits-title = Cadre visits
history-visit-line = { $cadre } scored the massage: { $percent }%
history-visit-all-done = Every step was done well.
history-visit-practise = To practise again: { $rows }

## What the baby had yesterday (exclusive breastfeeding; filled in by the mother, or the cadre at a visit)

feeding-due = Time to answer: what did the baby have yesterday?
feeding-record = What did the baby have yesterday?
feeding-last-exclusive = Last answered { $date }: breast milk only.
feeding-last-other = Last answered { $date }: more than breast milk.
feeding-title = What did the baby have yesterday?
feeding-intro = Choose everything the baby was given yesterday, day or night. Medicines, vitamins or oral rehydration salts from a health worker are chosen too; jamu is not a medicine.
food-breast-milk = Breast milk (at the breast, expressed or donor)
food-water = Water, rice water or coconut water
food-formula = Formula milk
food-other-milk = Cow's or goat's milk
food-sweet-drink = Sugar water, sweetened condensed milk, tea, coffee, juice or jamu
food-food = Porridge, mashed rice, scraped banana, biscuits or other food
food-honey = Honey (never before one year)
food-medicine = Medicine, vitamins or oral rehydration salts from a health worker
feeding-ever-other-question = Since birth, including the first days in hospital or at home, has the baby ever been given anything but breast milk (for example formula, water, sugar water, rice water, coffee or banana)?
feeding-ever-other-no = Never, breast milk only
feeding-ever-other-yes = Yes
feeding-first-other-hint = If so: when was the first time? Leave it empty if you do not remember.
feeding-save = Save
feeding-saved-title = Thank you, the answer is saved
feeding-praise = Breast milk only: the best for the baby until six months. Keep going.
feeding-advice-only-breast-milk = Until six months, breast milk alone is enough for the baby: no water, other milk or food. Breast milk is all the food and drink the baby needs. The more often the baby feeds, the more milk comes.
feeding-advice-honey = Never give honey to a baby under one year. Do not give it again. If the baby is constipated, sucks or cries weakly, or is floppy, take the baby to the puskesmas now.
feeding-advice-cadre = The posyandu cadre will drop by to help you breastfeed. If the milk seems too little or the baby finds it hard to feed, contact the midwife.
feeding-advice-ask = If the milk seems too little or the baby finds it hard to feed, ask the cadre or the midwife.
feeding-advice-no-breast-milk = The baby had no breast milk yesterday. Contact the midwife today: she can help you breastfeed again and make sure the baby drinks enough.
feeding-advice-formula = If formula was given on a doctor's or midwife's advice, keep following it, and ask how the baby can still get as much breast milk as possible.
feeding-advice-signs = Enough milk means 6 or more wet nappies a day and weight gain every month. If the baby will not feed, is floppy, has few wet nappies, or keeps vomiting or has diarrhoea, take the baby to the midwife or puskesmas now.
