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
consent-intro = This app records your data to support the oxytocin massage. Please read it yourself, then decide.
consent-kept = What is kept: the father's and mother's names; the baby's birth date (or due date); your age, education and how many children you have had; every massage session and your answers (comfort, milk, pain); milk production; knowledge test results; and the cadre's visits.
consent-who = Who sees it: the posyandu cadre who supports this family. The posyandu report for the midwife and the puskesmas holds only totals, no names.
consent-where = The data stays on this phone. It is sent to the cadre only when the family chooses to send it.
consent-rights = You can download and delete all of it at any time. What was already sent to a cadre stays on the cadre's phone until the cadre deletes it.
consent-question = Do you agree that this is recorded?
consent-yes = Yes, I agree
consent-no = I do not agree
consent-handover-text = The mother reads and decides for herself. Please hand her the phone.
consent-declined-title = That's fine
consent-declined-text = Without your consent the app keeps no family data. The details typed in are still there if you change your mind.
consent-back-to-form = Back to the family's details
consent-renew-title = Your consent, updated
consent-renew-intro = The app now explains more fully what it records. Please read it again, then decide.
consent-renew-declined = The data already here will not grow. You can delete all of the family's data below, or answer again later.
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
