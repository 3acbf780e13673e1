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
field-posyandu = Posyandu name (optional)
field-rw = RW (optional)
field-rt = RT (optional)
consent-title = Mother's consent
consent-health-data-text = The mother agrees that her health data (massage sessions, comfort, milk flow) is recorded in this app so that posyandu cadres and the midwife can support the family. The data stays on this device and is shared only when the family chooses to send it. She may ask for it to be deleted at any time.
consent-agree = The mother has read this and agrees
onboarding-save = Save
onboarding-saving = Saving…
form-has-errors = Some answers need fixing. See the red messages under the fields.

## Home

home-greeting = Welcome, { $name }!
home-baby-age = Baby's age: { $days ->
    [one] { $days } day
   *[other] { $days } days
}
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
