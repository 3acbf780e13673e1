## Entering cadre mode

cadre-mode = Cadre mode
cadre-entry = Posyandu cadre? Open cadre mode
cadre-setup-title = Set up cadre mode
cadre-setup-intro = Choose a 6-digit PIN. It protects the families' health data on this device.
cadre-name = Cadre's name
cadre-pin = PIN (6 digits)
cadre-pin-repeat = PIN again
cadre-setup-save = Save PIN
cadre-unlock-title = Open cadre mode
cadre-unlock = Open
cadre-lock = Lock
cadre-locked-idle = Cadre mode locked itself after a while unused. Enter the PIN again.
cadre-exit = Leave cadre mode

## Families

families-title = Families
families-search = Search the father's or mother's name
families-register = Register a family
families-empty = No families yet.
need-risk = Contact now
risk-danger-sign = Danger signs: { $signs }. Contact the family today and make sure she has been seen by the midwife or puskesmas.
risk-pain-stop = Massage stopped because she felt pain
risk-safety-stop = Safety check: she must not be massaged
risk-safety-stop-found = The safety check found: { $findings }. No massage for now.
risk-no-milk = Milk production recorded as "none"
family-age = Baby { $days } days
family-expecting = Pregnant · expected { $date }
family-last-visit = Last visit: { $date }
family-no-visit = Never visited
family-sessions-7d = Massages in the last 7 days: { $given } of { $planned }
family-last-score = Last score: { $percent }%
family-last-milk = Last milk flow: { $flow }
need-no-visit = Needs a first visit
need-falling-score = Score falling
need-few-sessions = Few massages
need-on-track = On track
family-visit = Home visit
family-review = Review
register-family-title = Register a family
back-to-families = Back to the families

## Home visit: the daftar tilik

visit-title = Home visit
visit-intro = Watch the massage being given, then score each step. The safety requirements must be met for the giver to be competent.
score-0 = 0 Not done
score-1 = 1 Not quite right
score-2 = 2 Correct
checklist-consent-safety = Before the massage, asks whether she wants it and every safety-check question, and does not massage if any answer is "Yes"
checklist-consent-safety-pass = Met
checklist-consent-safety-fail = Not met: massaged without asking, skipped a question, or massaged despite a "Yes"
checklist-preparation = Preparation: clean hands, towel, oil, warm water
checklist-position = Mother's position: sitting leaning forward on her arms (or lying on her side)
checklist-placement-c7 = Fists and thumbs either side of the spine, starting at the 7th cervical vertebra
checklist-circular-pressure = Presses with small circular movements of both thumbs
checklist-down-to-ribs = Moves down to the 5th-6th ribs (bra-strap level)
checklist-not-on-spine = Both thumbs always beside her spine, never pressing on the spine itself
checklist-not-on-spine-pass = Met: never pressed on the spine
checklist-not-on-spine-fail = Not met: pressed on the spine, even once
checklist-duration = Each round lasts { $minutes } min, as in the family's plan
checklist-duration-any-plan = Each round lasts as long as the family's plan says
checklist-repetitions = { $passes ->
    [one] 1 round
   *[other] { $passes } rounds
}, as in the family's plan
checklist-repetitions-any-plan = As many rounds as the family's plan says
checklist-cleaning = Back cleaned with a warm washcloth and dried
checklist-asks-comfort = Asks the mother how it feels during the massage
checklist-offer-breast = After the massage, offers to bring the baby to feed or to help her express milk
visit-row-note = Note on this step
visit-critical = Safety requirement (must be met)
visit-score = Score { $percent }% ({ $total } of { $maximum })
visit-score-incomplete = Score every step to see the total.
band-baik = Good (baik)
band-cukup = Fair (cukup)
band-kurang = Poor (kurang)
visit-competent = Competent
visit-not-competent = Not yet competent (threshold { $percent }%)
visit-critical-failed = Not yet competent. Safety requirement: { $row }
visit-motivation = Father's motivation
motivation-cooperative = Cooperative
motivation-hesitant = Hesitant
motivation-refuses = Refuses
visit-milk-status = Milk production today
visit-milk-unknown = Not recorded
visit-coaching = Coaching notes
visit-save = Save the visit
visit-saved = Visit saved: { $percent }% — { $band }
visit-amend = Amend the scores
visit-amend-reason = Reason for the change (required)
visit-amended = Amended: { $reason }

## Review

review-title = Family review
review-since = Sessions since the last visit ({ $date })
review-since-enrolment = Sessions since enrolment
review-no-sessions = No sessions yet.
review-weeks = Massages per week (plan: twice a day)
review-week = Week from { $date }: { $given } of { $planned }
review-visits = Visits
review-visit = { $date }: { $percent }% — { $band } (cadre { $cadre })
review-visit-critical = Safety requirement: { $rows }
review-focus = Coach these steps first
review-focus-none = Every step was correct at the last visit.
review-rows = Each step's score per visit
family-rw = RW { $rw }
visit-observed = Who gave the massage during this visit?
review-visit-observed = Watched giving the massage: { $giver }
training-title = Massage training
training-none = No hands-on training recorded yet. Whoever gives the massage (the father, the grandmother or another family member) should be trained in person by a midwife or a certified massage therapist.
training-line = { $date }: { $who } trained by a { $trainer }
training-line-named = { $date }: { $who } trained by a { $trainer } ({ $name })
training-record = Record a training
training-date = Date of the training
training-trainer = Trained by
training-trainer-name = Trainer's name (optional)
training-trainee = Who was trained
training-save = Save the training
training-saved = Training saved.
trainer-midwife = midwife
trainer-therapist = certified massage therapist
posko-open = Posko Ayah ASI
posko-title = Posko Ayah ASI
posko-intro = A place where fathers ask and practise. This schedule goes to the families with your next file.
posko-place = Place
posko-weekday = Day
posko-starts = Starts (hh:mm)
posko-ends = Ends (hh:mm)
posko-contact = Cadre's phone/WhatsApp (optional)
posko-save = Save the posko schedule
posko-saved = Saved: { $line }
posko-when-where = Every { $weekday }, { $from }–{ $to }, { $place }
review-posko-questions = Questions for the posko
review-consent-old = The mother has not agreed to the new consent text, which names the puskesmas server and what the baby eats and drinks. Until she does, this family's data is not sent to the server and the baby's food is not recorded. Hand her the phone so she reads and decides for herself.
review-consent-ask = Ask the mother for her consent
risk-other-feeding = The baby was given more than breast milk before six months (or honey, never before one year). Visit the family and kindly ask why (formula is sometimes on a doctor's advice); help the mother give as much breast milk as possible; bring in the midwife if the milk seems too little or the baby finds it hard to feed, and always if the baby was given honey (never before one year).
