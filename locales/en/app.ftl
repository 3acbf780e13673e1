## The app itself

app-title = Ayah ASI — Oxytocin Massage Companion
app-loading = Loading…

## First start: choose the language

language-title = Choose your language
language-intro = You can change the language at any time from the home screen.
language-name-id = Bahasa Indonesia
language-name-en = English

## Onboarding: the family

onboarding-title = Your family
onboarding-intro = Fill in your family's details. They are kept on this device only.
field-father-name = Father's name
field-mother-name = Mother's name
field-baby-birth-date = Baby's date of birth
field-expected-birth-date = Expected date of birth
field-birth-status = Baby
field-born = The baby is born
field-pregnant = The mother is still pregnant
field-posyandu = Posyandu name (optional)
field-rw = RW (optional)
field-rt = RT (optional)
consent-title = The mother's consent
consent-intro = This app records your and your family's data to support the oxytocin massage. The puskesmas of your posyandu's area is responsible for this data. Please read it yourself, then decide.
consent-kept = What is kept: the father's and mother's names; the baby's birth date (or due date); your age, education and how many children you have had; every massage session and your answers (comfort, milk, pain); milk production; what the baby eats and drinks (every week: what was given the day before, such as breast milk, water, formula, medicine or vitamins; and once: whether anything but breast milk was given since birth, and the first date); knowledge test results; and the cadre's visits.
consent-why = What for: so that the cadre and the midwife can support the father with the massage, watch for danger signs, and report on the exclusive breastfeeding programme. If the baby was given anything but breast milk before 6 months, the cadre will visit to help, not to blame.
consent-who = Who reads names and records: this family's cadre; on the server, your posyandu's midwife and puskesmas staff. The server's admin sees only totals but can connect phones and create accounts that read names. All of that, and every phone that fetches records, is logged. Reports hold only totals, no family's names. The district health office sees only totals and percentages per puskesmas.
consent-how-long = How long: on the puskesmas server at most one year after the family's last record, then it is erased automatically and no longer counted in reports. On phones, until it is deleted.
consent-where = Where it is kept: on this phone; on the cadre's phone if she registered your family, you sent her a file, or her phone is connected to the server; and on the puskesmas server once this phone or hers is connected to it.
consent-rights = Your rights: you may download your data, withdraw your consent and delete everything at any time under "The family's own data", or ask the cadre or the midwife at the puskesmas. If this phone is connected to the server, the server's and the cadre's copies go too. Files sent by WhatsApp are not deleted with it: ask the cadre to delete them. If you say no, the care for you and your baby stays the same.
consent-question = Do you agree that this data is recorded and kept as described above?
consent-yes = Yes, I agree
consent-no = I do not agree
consent-handover-text = The mother reads and decides for herself. Please hand her the phone.
consent-declined-title = That's fine
consent-declined-text = Without your consent the app keeps no family data. The details typed in are still there if you change your mind.
consent-back-to-form = Back to the family's details
consent-renew-title = New consent text
consent-renew-intro = The consent text has changed. What is new: the app also records what the baby eats and drinks, asked once a week. The family's data is also kept on the puskesmas server (the computer that stores data at the puskesmas); the puskesmas of your posyandu's area is responsible for this data. This text explains who reads it, for how long, and how to have it erased. Please read it again, then decide. Until you agree, nothing new is sent to the server; data already sent stays there.
consent-renew-declined = Nothing new is sent to the puskesmas server. This app cannot be used until you agree, but the care from the cadre, the midwife and the puskesmas stays the same. Data already sent stays on the server and is erased automatically at most one year after the last record. To delete everything now, open "The family's own data" below and choose "Delete all the family's data": it says there what goes with it. You can also answer again later.
consent-renew-declined-cadre = This family's data is no longer sent to the server. If the mother wants it deleted, open "The family's own data" in the family's review: delete it from this phone only, or also from the puskesmas server (if this phone is connected to the server).
consent-back-to-review = Back to the family's review
consent-ask-again = Ask again
onboarding-next = Next: the mother's consent
onboarding-save = Save
onboarding-saving = Saving…
form-has-errors = Some answers need fixing. See the red messages under the fields.

## Home

home-greeting = Welcome, { $name }!
home-baby-age = Baby's age: { $days ->
    [one] { $days } day
   *[other] { $days } days
}
home-expected-birth = Expected birth: { $date }
home-massage-locked-title = Oxytocin massage starts after the baby is born
home-massage-locked-why = This massage helps the milk flow after the birth. During pregnancy she is not given the oxytocin massage, because the massage releases the hormone oxytocin, which can bring on contractions of the womb too early. While you wait, you can read the lessons, take the test and look at the pictures of how to massage.
home-past-hpl = The due date (HPL) has passed and the baby is not born yet: take her to the midwife for a check-up within the next 1–2 days. If the baby is moving less, take her to the midwife or puskesmas now.
home-anc = Take her to her pregnancy check-ups at least 6 times, 2 of them with a doctor, and bring the Maternal and Child Health Book (Buku KIA).
home-pregnancy-danger-title = Danger signs in pregnancy
home-pregnancy-danger = Take her to the midwife or puskesmas now if there is: bleeding from the birth canal; the waters breaking before their time; the baby moving less or not at all; a severe headache, blurred vision, fits, or swelling of the face and hands; a high fever; vomiting that does not stop, so she cannot eat; very bad pain in the belly; difficulty breathing or chest pain; regular contractions before 9 months of pregnancy.
home-record-birth = The baby is born
record-birth-title = Record the baby's birth
home-family = The family of { $father } and { $mother }
home-posyandu = Posyandu { $posyandu }
home-language = Language

## Calendar

month-january = January
month-february = February
month-march = March
month-april = April
month-may = May
month-june = June
month-july = July
month-august = August
month-september = September
month-october = October
month-november = November
month-december = December
date-day = Day
date-month = Month
date-year = Year
posko-next = Next posko: { $date }, { $from }–{ $to }, { $place }
posko-none = No posko Ayah ASI schedule received yet. It comes from the cadre with her next file or sync.
posko-cadre = Cadre: { $cadre }
posko-cadre-contact = Cadre: { $cadre } · Contact: { $contact }
posko-question-label = Note a question to ask at the posko
posko-question-hint = For ordinary questions. Danger signs never wait for the posko.
posko-ask = Save the question
posko-question-saved = Question saved. The cadre sees it only after you send her your file. If the mother or baby shows a danger sign, do not wait for the posko: take the mother or the baby to the midwife or puskesmas now.
