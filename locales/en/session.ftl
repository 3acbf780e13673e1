## Home: the massage

home-start-massage = Start oxytocin massage
home-plan = Every morning and evening: { $passes ->
    [one] 1 round of massage, { $minutes } min
   *[other] { $passes } rounds of massage, { $minutes } min each
}
plan-title = Massage settings
plan-pass-length = Length of one round (minutes)
plan-passes = How many rounds
plan-save = Save settings
plan-saved = Settings saved.

## Before the massage

session-cancel = Cancel
session-back-home = Back to home
consent-today-title = Ask her first
consent-today-question = Ask her: would she like the massage now?
consent-today-yes = Yes, she agrees
consent-today-no = Not now
no-consent-title = That's fine
no-consent-text = The massage is only given when she wants it. Offer again later, when she is relaxed.
safety-title = Safety check
safety-intro = Ask her. If any answer is "Yes", do not massage today.
safety-yes = Yes
safety-no = No
safety-continue = Continue
safety-answer-all = Please answer every question first.
safety-back-wound = Is there a wound, rash or infection on her back?
safety-spine-injury = Has she ever had a spine injury or spine surgery?
safety-severe-pain = Is her back very painful, swollen, or painful in an unusual way? (Ordinary aches after giving birth are fine to massage.)
safety-heavy-bleeding = Is she bleeding more than normal after-birth bleeding (a pad soaked within 1 hour, or large clots)?
safety-fever = Does she have a fever (feels hot, or 38°C or more if you have a thermometer), with or without a red, painful breast?
safety-faint-dizzy = Since the midwife last checked her, has she fainted? Or is she now so dizzy she can hardly stand?
safety-headache-swelling = Does she now have a severe headache, blurred vision, or swelling of the face and hands, or has she had a fit since the midwife last checked her?
safety-other-danger-signs = Is she now short of breath or does she have chest pain, very bad pain in the lower belly, foul-smelling discharge from the birth canal, a painful and swollen calf, or a stitched wound that is red, swollen or oozing pus?
safety-pregnant-again = Is she pregnant again?
safety-fever-bleeding-dizzy = (Old question) Does she have a fever, heavy bleeding, or dizziness?
safety-pain-now = (Old question) Does her back hurt when touched?
safety-back-wound-finding = A wound, rash or infection on her back
safety-spine-injury-finding = Has had a spine injury or spine surgery
safety-severe-pain-finding = Back very painful, swollen, or painful in an unusual way
safety-heavy-bleeding-finding = Heavy bleeding
safety-fever-finding = Fever
safety-faint-dizzy-finding = Fainting or severe dizziness
safety-headache-swelling-finding = Severe headache, blurred vision, fits, or swelling of the face and hands
safety-other-danger-signs-finding = Short of breath or chest pain, very painful lower belly, foul-smelling discharge, swollen calf, or a stitched wound with pus
safety-pregnant-again-finding = Pregnant again
safety-fever-bleeding-dizzy-finding = Fever, heavy bleeding, or dizziness
safety-pain-now-finding = Back hurts when touched
safety-stop-title = Do not massage yet
safety-stop-text = The oxytocin massage is not safe for her right now. Contact the midwife and tell her the following:
safety-urgent-title = Take her to the midwife or puskesmas now
safety-urgent-text = These are danger signs after giving birth. Do not massage. Take her to the nearest midwife or puskesmas now, do not wait. The baby may still breastfeed. Tell the midwife:
safety-calm-also = Other "Yes" answers:
safety-stop-recorded = This session is recorded as not started.
prep-title = Preparation
prep-intro = Tick each item once it is ready.
prep-start = Start the massage
prep-missing = Tick every preparation item first ({ $count } left).
prep-read-lesson = Never learned the massage? Read the steps below before you start.

## The protocol

protocol-wash-hands = Wash your hands with soap and running water.
protocol-quiet-room = A quiet, warm, private room.
protocol-towel = A towel on her lap.
protocol-oil = Baby oil or massage oil.
protocol-warm-water = A basin of warm water and a washcloth (a second with cool water if she likes).
protocol-cup = A clean glass or cup to catch the milk that drips.
protocol-position = She sits leaning forward, arms folded on a table, head resting on her arms; top and bra off. Or she lies on her side hugging a pillow.
protocol-oil-palms = Put oil on both palms.
protocol-find-c7 = Find the bony bump at the base of the neck (7th cervical vertebra). Make two fists and place them on either side of the spine, thumbs pointing towards her head.
protocol-thumbs-down-spine = Press with small circular movements of both thumbs while moving down both sides of the spine, to bra-strap level (5th-6th ribs). Never press on the spine itself.
protocol-pressure = Press firmly but comfortably. Ask her, and use as much or as little pressure as she wants.
protocol-clean-back = Clean her back with the warm washcloth (warm and cool in turn if she likes), dry it, and help her get dressed again.
protocol-offer-breast = Bring the baby to her to breastfeed, or help her express milk. Watch whether milk drips or sprays.

## The guided massage

guide-countdown = Get ready — round { $pass } of { $passes }
guide-pass = Round { $pass } of { $passes }
guide-time-left = Time left
guide-paused = Paused
guide-tap-to-pause = Tap anywhere to pause
guide-tap-to-resume = Tap anywhere to continue
guide-stop = Stop
guide-pain-stop = It hurts — stop
guide-picture-label = Her back seen from behind. Both thumbs (red) make small circles while moving down both sides of the spine, from the bump at the base of the neck to the dashed line (5th-6th ribs).
guide-save-failed = The last change is not saved yet. The massage goes on.
closing-title = Closing
closing-intro = All rounds are done. The screen may be touched now.
closing-done = Done

## Stopping and the end

stop-title = Why stop the massage?
stop-reason-mother-asked = She asked to stop
stop-reason-pain = She felt pain
stop-reason-interrupted = Interrupted (baby, visitor, phone)
stop-reason-other = Another reason
stop-continue = Continue the massage
finished-title = { $giver ->
    [father] Thank you!
    [grandmother] Thank you!
   *[other] Thank you!
}
finished-text = Massage done: { $passes ->
    [one] 1 round
   *[other] { $passes } rounds
}.
stopped-title = Massage stopped
stopped-pain-advice = Do not continue the massage today. If the pain does not go away, or still hurts tomorrow, contact the midwife. If she has a fever (her body feels hot), take her to the midwife or puskesmas now.
resume-title = The last massage was cut off
resume-text = The app closed during round { $pass } of { $passes }, { $minutes } minutes ago.
resume-closing-text = The app closed during the closing steps, { $minutes } minutes ago.
resume-yes = Continue
resume-no = Record it as stopped
guide-do-countdown = Oil your palms. Place your fists either side of the bump at the base of the neck.
guide-do-pass = Small circles with both thumbs while moving down to the dashed line. Never on the spine. Ask her whether the pressure is right, and stop if it hurts.

## Who gives the massage (seed 002: "dibantu pijat oleh ayah atau nenek")
giver-question = Who is giving the massage today?
giver-father = Father
giver-grandmother = Grandmother
giver-other-family = Another family member
session-given-by = Given by { $giver }

## Drawings of the massage (assets/steps), their text alternatives and captions
picture-position-sitting = The mother sits leaning forward, arms folded on a table and her head resting on her arms.
picture-position-side = Or she lies on her side hugging a pillow, her back towards the person giving the massage.
picture-fists = Make two fists and place them either side of the spine, thumbs pointing towards her head, just below the bump at the base of the neck.
picture-circles = Press in small circles while moving down to the level of the bra strap (ribs 5–6). Never on the spine.
picture-cloth = When you finish, clean her back with a cloth wrung out in warm water.

## Spoken guidance during the massage (said by the device's speech engine: whole words, no digits or abbreviations)

speak-first-countdown = Get ready. Fists either side of the bony bump at the base of the neck.
speak-countdown = Back to the base of the neck. Get ready for the { $pass ->
    [1] first
    [2] second
    [3] third
    [4] fourth
    [5] fifth
   *[other] next
} round.
# The first round also asks at once whether the pressure is right (a mother should not
# bear too much pressure until halfway).
speak-pass = { $passes ->
    [1] Start the massage.
   *[other] Start the { $pass ->
        [1] first
        [2] second
        [3] third
        [4] fourth
        [5] fifth
       *[other] next
    } round of { $passes ->
        [2] two
        [3] three
        [4] four
        [5] five
       *[other] all
    }.
} Press in small circles with both thumbs, from the base of the neck down to the level of the bra strap. Never on the spine. Repeat from the neck.{ $pass ->
    [1] { " Ask her whether the pressure is right." }
   *[other] { "" }
}
speak-halfway = Repeat from the neck down. Stop if she feels pain or dizzy.
speak-paused = Paused.
speak-resumed = Continue the massage.
speak-closing = The massage is done. Clean her back with the warm washcloth, dry it and help her dress. Then bring the baby to feed, or help her express milk.
# Spoken English says "health centre": an English voice garbles "puskesmas".
speak-stopped-pain = Massage stopped. No more massage today. If the pain does not go away, or still hurts tomorrow, contact the midwife. If her body feels hot, take her to the midwife or the health centre now.
speak-stopped = Massage stopped. Clean her back.

## Spoken guidance: the switch and the notice

speech-on = Spoken guidance: on
speech-off = Spoken guidance: off
speech-unavailable = This device has no voice for this language yet, so the steps are not read aloud. Sounds and vibration still mark every round.
