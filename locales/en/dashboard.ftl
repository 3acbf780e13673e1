## The puskesmas dashboard (web pages served by the server) for staff and midwives.

dash-app-name = Ayah ASI · Puskesmas
dash-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
dash-nav-label = Menu
dash-nav-overview = Overview
dash-nav-alerts = Alerts
dash-nav-families = Families
dash-nav-report = Report
dash-nav-cadres = Cadres & devices
dash-nav-accounts = Accounts
dash-nav-audit = Audit trail
dash-logout = Log out
dash-password-link = Change password
dash-role-admin = admin
dash-role-puskesmas = puskesmas
dash-role-midwife = midwife

## Login
dash-login-title = Log in
dash-login-name = User name
dash-login-password = Password
dash-login-submit = Log in
dash-login-wrong = Wrong user name or password.
dash-login-locked = Too many wrong attempts. This account is locked until { $until }.
dash-login-too-many = Too many login attempts from this address. Wait a minute, then try again.
dash-login-expired = The session has ended. Please log in again.

## Errors
dash-error-title = Cannot be opened
dash-error-forbidden = This page is not for this account's role.
dash-error-not-found = Not found, or outside this account's posyandu.
dash-error-bad-form = This form has expired. Reload the page, then send it again.
dash-error-storage = The server's database is having trouble. Nothing was changed; try again shortly.

## Tables and filters
dash-col-posyandu = Posyandu
dash-col-families = Families enrolled
dash-col-active = Fathers active, last 7 days
dash-col-sessions-plan = Sessions 7 days / plan
dash-col-visits-due = Visits due
dash-col-trained = Fathers trained
dash-col-cadres = Cadres (phone paired)
dash-col-counselled = Cadres who took part in the counselling (pre- and post-test)
dash-col-father = Father
dash-col-mother = Mother
dash-col-rw = RW
dash-col-cadre = Cadre
dash-col-last-visit = Last visit
dash-col-when = When
dash-col-outcome = Outcome
dash-col-given-by = Given by
dash-col-comfort = Comfort (1–5)
dash-col-pain = Pain before → after (0–10)
dash-col-milk-flow = Milk
dash-col-row = Daftar tilik step
dash-col-device = Device
dash-col-paired = Paired since
dash-col-last-sync = Last sync
dash-col-app-version = App version
dash-col-state = State
dash-col-name = Name
dash-col-role = Role
dash-col-last-login = Last login
dash-col-who = Who
dash-col-action = Action
dash-col-target = About
dash-col-address = Address
dash-total = Total
dash-filter-name = Father's or mother's name
dash-filter-all = All
dash-filter-apply = Show
dash-never = Never
dash-none = None yet.
dash-sessions-of-plan = { $given } of { $planned }
dash-cadres-paired = { $paired } of { $cadres }
dash-pregnant = Still pregnant

## Overview
dash-overview-lede = The programme per posyandu, from the records cadres' and families' phones have synced.
dash-overview-caption = Per posyandu, last 7 days
dash-overview-empty = No posyandu yet. The admin adds them with the server's command line.
dash-overview-note = Plan: 2 sessions a day from the birth. Visit due: no cadre visit for more than 30 days. Cadres who took part in the counselling: cadres whose phone has sent both their pre-test and post-test.

## Alerts
alert-pain-stop = Massage stopped because the mother felt pain
alert-safety-stop = Massage stopped by the safety check
alert-safety-stop-found = Massage stopped by the safety check: { $findings }
alert-danger-sign = Danger signs reported: { $signs }
alert-no-milk = Milk production recorded as "none"
alert-critical-row = Visit: safety requirement not met
alert-no-visit = No cadre visit for 30 days
alert-no-session = No massage session in the last 7 days
alert-no-sync = Cadre's phone not synced for 7 days
dash-alerts-lede = Newest first. Open the family to see what happened, then mark it handled.
dash-alerts-none = No open alerts.
dash-alerts-show-handled = Show handled alerts too
dash-alerts-open-only = Only open alerts
dash-alert-family = Family of { $father }
dash-alert-cadre = Cadre { $cadre }
dash-alert-mark-handled = Mark as handled
dash-alert-handled-by = Handled by { $name }, { $time }

## Families and a family's review
dash-families-count = { $count ->
    [one] 1 family
   *[other] { $count } families
}
dash-review-title = Family of { $father } & { $mother }
dash-expected-birth = Expected birth
dash-baby-born = Baby born
dash-enrolled = Enrolled
dash-weeks-title = Sessions per week, against the plan
dash-week-of = Week from
dash-sessions-title = Sessions of the last { $days } days
dash-outcome-finished = Finished
dash-outcome-stopped = Stopped
dash-outcome-not-started = Not started
dash-stop-no-consent = the mother did not agree
dash-stop-safety = the safety check
dash-stop-mother-asked = the mother asked to stop
dash-stop-pain = the mother felt pain
dash-stop-interrupted = interrupted
dash-stop-other = another reason
dash-visits-title = Cadre visits (daftar tilik)
dash-visit-score = score { $percent }% ({ $band })
dash-competent = competent
dash-not-competent = not yet competent
dash-critical-failed = safety requirement not met
dash-focus-title = Coach first
dash-trends-caption = Each step's score per visit (0–2)
dash-learning-title = Knowledge, training and milk
dash-pre-test = Pre-test
dash-post-test = Post-test
dash-not-taken = not yet
dash-training = Hands-on training
dash-milk-status = Milk production
dash-questions-title = Questions for the posko
dash-move-title = Move to another cadre
dash-move-to = New cadre
dash-move-submit = Move
dash-move-note = The new cadre's phone receives this family's records at its next sync; the old cadre's phone no longer does. The family's phone paired through the old cadre is disconnected, and her unused codes for the family no longer work: the new cadre gives the family a new code. The move is recorded.

## Report
dash-report-months = Period
dash-months-back = { $months ->
    [one] last month
   *[other] last { $months } months
}
dash-report-period = { $from } to { $to }
dash-export-xlsx = Download XLSX
dash-export-csv = Download CSV per table
dash-report-note = Computed by the same rules as the report in the cadre's app (the Wilcoxon test as SPSS computes it). To print, use the browser's print menu.

## Cadres and devices
dash-cadres-lede = Phones paired with this server. A pairing code works once, for 24 hours.
dash-cadre-families = { $count ->
    [one] 1 family
   *[other] { $count } families
}
dash-no-devices = No phone paired yet.
dash-no-cadres = No cadres yet.
dash-device-cadre = Cadre's phone
dash-device-family = Phone of { $father }'s family
dash-revoked-at = Revoked { $time }
dash-revoke = Revoke…
dash-active = Active
dash-make-code = Make a pairing code for the cadre's phone
dash-code-title = Pairing code
dash-code-intro = Type this code on the cadre's phone (Cadre mode → Puskesmas server):
dash-code-note = Works once, for { $hours } hours. It will not be shown again.
dash-back-to-cadres = Back to cadres & devices
dash-revoke-title = Revoke this phone?
dash-revoke-explain = The server refuses this phone at once. Records already sent stay, and nothing on the phone is lost; it can be paired again with a new code.
dash-revoke-confirm = Yes, revoke
dash-cancel = Cancel

## Accounts and audit
dash-account-add = Add an account
dash-account-posyandu = Posyandu (for a midwife)
dash-account-password = Password (at least { $chars } characters)
dash-account-submit = Add
dash-account-added = Account { $login } was made.
dash-account-bad-login = User name: 3–40 lower-case letters, digits, dots, underscores or dashes.
dash-account-bad-name = A name is needed (at most 80 characters).
dash-account-short-password = The password is too short.
dash-account-no-posyandu = A midwife needs at least one posyandu of this puskesmas.
dash-account-login-taken = This user name is taken.
dash-account-reset = Set a forgotten password
dash-account-reset-lede = For someone who forgot hers: the account is unlocked and all its sessions end. Tell her the new password in person; after logging in she can change it on "Change password".
dash-account-reset-login = Account
dash-account-reset-submit = Set the password
dash-account-reset-done = The password of { $login } was set; the account is unlocked and { $ended ->
    [one] one of its sessions was ended.
   *[other] { $ended } of its sessions were ended.
}
dash-account-unknown = There is no such account in this puskesmas.
dash-locked = locked
dash-audit-lede = { $count } entries a page, newest first: who opened a family's records, downloaded a report, or changed accounts and devices.
dash-audit-pages = Pages of the trail
dash-audit-newest = Newest
dash-audit-older = Older
dash-audit-login = logged in
dash-audit-login-failed = failed to log in
dash-audit-login-locked = login refused (locked)
dash-audit-logout = logged out
dash-audit-family-viewed = opened a family's records
dash-audit-alert-handled = marked an alert handled
dash-audit-pairing-code-made = made a pairing code
dash-audit-device-revoked = revoked a phone
dash-audit-family-moved = moved a family
dash-audit-report-exported = downloaded a report
dash-audit-account-added = added an account
dash-audit-password-changed = changed their password
dash-audit-password-change-failed = gave a wrong current password to change it
dash-audit-password-reset = set a forgotten password

## Changing one's own password
dash-password-title = Change your password
dash-password-lede = Other browsers still logged in to this account are logged out when the password changes; this one stays.
dash-password-current = Current password
dash-password-new = New password (at least { $chars } characters)
dash-password-repeat = New password again
dash-password-submit = Save the new password
dash-password-changed = Your password was changed. { $ended ->
    [0] No other browser was logged in.
    [one] One other browser was logged out.
   *[other] { $ended } other browsers were logged out.
}
dash-password-wrong = The current password is wrong.
dash-password-mismatch = The two new passwords are not the same.
dash-password-same = The new password must differ from the current one.

## Adding posyandu and cadres
dash-cadre-name = Cadre's name
dash-cadre-add = Add a cadre
dash-cadre-added = Cadre { $name } was added. Make her phone's pairing code below.
dash-name-invalid = A name is needed, at most { $max } characters.
dash-posyandu-add = Add a posyandu
dash-posyandu-name = Posyandu's name
dash-posyandu-submit = Add
dash-posyandu-added = Posyandu { $name } was added.
dash-posyandu-invalid = A posyandu's name is needed (at most { $max } characters), not yet used in this puskesmas.
dash-audit-cadre-added = added a cadre
dash-audit-posyandu-added = added a posyandu
dash-device-a-family = A family's phone
dash-audit-device-paired = phone paired with a code
dash-audit-records-pulled = phone pulled family records
dash-audit-family-erased = erased a family's data
dash-erase-title = Erase this family's data from the server
dash-erase-intro = When the mother comes in person and asks for her data to be erased, withdraws her consent, or the family was entered by mistake, erase it here. The data is erased from the server, then from the cadre's phone and the family's phone when they next connect.
dash-erase-open = Erase the family's data…
dash-erase-explain = The data of the family of { $father } and { $mother } will be erased and cannot be brought back.
dash-erase-what-server = From the puskesmas server: the family's details, the mother's consent, every massage session, the mother's ratings, milk status, the cadre's visits and their scores, test results, with their older versions, records waiting to be chosen, and unused pairing codes.
dash-erase-what-phones = From the cadre's phone and the family's phone: at their next sync each phone deletes its own copy. Files once sent through WhatsApp are beyond the server's reach: ask the cadre to delete them.
dash-erase-what-reports = Reports and dashboard pages no longer count this family.
dash-erase-what-audit = The audit trail keeps that a family's data was erased, when, by whom, why, and the family's random id, with no name.
dash-erase-reason = Reason
dash-erase-reason-asked-in-person = The mother came and asked for her data to be erased
dash-erase-reason-consent-withdrawn = The mother withdrew her consent
dash-erase-reason-entered-by-mistake = The family was entered by mistake (entered twice, say)
dash-erase-confirm = Yes, erase this family's data
dash-erase-done = The family's data has been erased from the server. The cadre's phone and the family's phone delete their copies at their next sync.

## Pictures on the overview: sessions per week and alerts by kind

dash-overview-weeks-title = Massage sessions per week against the plan, last { $weeks } weeks
dash-overview-weeks-note = Columns: sessions given (finished or stopped). Dashed boxes: sessions planned, twice a day from the baby's birth. The table beside holds the same numbers.
dash-overview-weeks-chart = Sessions per week at Posyandu { $posyandu }: columns for sessions given, dashed boxes for those planned. The numbers are in the table after this picture.
dash-overview-weeks-caption = Sessions per week, Posyandu { $posyandu }
dash-col-week = Week from
dash-col-given = Given
dash-col-planned = Planned
dash-alert-kinds-title = Alerts of the last { $weeks } weeks by kind
dash-alert-kinds-chart = Number of alerts of the last { $weeks } weeks by kind, handled ones included. The numbers are in the table after this picture.
dash-alert-kinds-note = Handled alerts are included. The full list is on the Alerts page.
dash-col-alert-kind = Kind of alert
dash-col-alerts = Number
dash-kind-danger-sign = Danger sign
dash-kind-pain-stop = Stopped: pain
dash-kind-safety-stop = Not started: safety check
dash-kind-no-milk = Recorded: no milk
dash-kind-critical-row = Unsafe massage seen at visit
dash-kind-no-visit = No visit 30 days
dash-kind-no-session = No massage 7 days
dash-kind-no-sync = Not synced 7 days

## Pictures in the report

dash-report-knowledge-chart = Fathers' mean knowledge score, pre-test and post-test (0 to 100). The numbers are in the knowledge test table.

## Alert: a baby given more than breast milk (feeding.rs)

alert-other-feeding = The baby was given more than breast milk before six months: { $given }
alert-other-feeding-do = What helps: the cadre visits the family, kindly asks why (formula is sometimes on a doctor's advice) and helps the mother give as much breast milk as possible; the midwife is brought in if the milk seems too little, the baby finds it hard to feed, or the baby was given honey (never before one year).
dash-kind-other-feeding = Given more than breast milk
dash-feeding-title = Exclusive breastfeeding by month: babies 0 to 5 months fed only breast milk the day before
dash-feeding-note = From each baby's latest answer in the month (asked of the mother every week and by the cadre at a visit). Babies also given medicines, vitamins or oral rehydration salts still count as breast milk only. Denominator: babies asked, not all target babies. The definition is the posyandu report's.
dash-feeding-chart = Share of babies 0 to 5 months fed only breast milk the day before, by month, at Posyandu { $posyandu }. The numbers are in the table after this picture.
dash-feeding-caption = Exclusive breastfeeding by month, Posyandu { $posyandu }
dash-col-month = Month
dash-col-babies = Babies asked
dash-col-breast-milk-only = Breast milk only

## The district's page (Dinas Kesehatan): every puskesmas, counts and rates only.
dash-nav-district = District
dash-role-district = district health office
dash-account-district-cli = A district account reads the other puskesmas of the district, so it is made only on the server (command: account add), not on this page.
dash-district-lede = The programme at every puskesmas of { $district }, from the records synced so far. This page holds counts and percentages only: no family, cadre or device is named.
dash-district-caption = The programme per puskesmas
dash-district-none = This account's puskesmas does not belong to a district yet. Ask the server's admin to add it (server command: puskesmas district).
dash-district-note = Sessions: the last 7 days against the plan. Exclusive breastfeeding yesterday: babies under 6 months asked this month, and of them those fed only breast milk the day before. Exclusive since birth: babies who reached 6 months this month or in the 5 months before; not exclusive if anything but breast milk was recorded before 6 months, exclusive if in the sixth month the family answered only breast milk since birth; otherwise "not known" and not counted. The definitions are the posyandu report's. All figures cover only families in this programme, not every baby in the puskesmas area: do not use them as the area's exclusive breastfeeding coverage.
dash-col-puskesmas = Puskesmas
dash-col-posyandu-count = Posyandu
dash-col-exclusive-yesterday = Exclusive breastfeeding yesterday, babies under 6 months (this month so far)
dash-col-exclusive-six-months = Exclusive breastfeeding since birth, at 6 months
dash-share = { $part } of { $of }
dash-not-known = { $count } not known
dash-district-feeding-chart = Share of babies 0 to 5 months fed only breast milk the day before, by month, at { $puskesmas }. The numbers are in the table after this picture.
dash-district-feeding-caption = Exclusive breastfeeding by month, { $puskesmas }
