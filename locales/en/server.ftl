# Syncing with the puskesmas server: pairing the phone, status, "Sync now".

server-title = Puskesmas server
server-intro = With a server, records reach the puskesmas and the cadre by themselves when there is internet. Without internet the app works as usual; files still work.
server-pair-open = Connect to the puskesmas server
server-address = Server address
server-address-hint = From the midwife or the puskesmas staff, e.g. https://ayahasi.puskesmas.id
server-code = Pairing code
server-code-hint-cadre = A one-time code from the puskesmas (valid 24 hours).
server-code-hint-family = A one-time code from your cadre (valid 24 hours).
server-pair = Connect
server-pairing = Connecting…
server-paired-to = Connected to { $address }
server-paired-family = This phone sends and receives only this family's records.
server-never-synced = Not synced yet.
server-last-sync = Last sync: { $when }
server-last-sync-counts = { $sent } records sent, { $received } received, { $toChoose } to choose
server-last-failed = Last sync failed ({ $when }): { $reason }
server-last-good = Last good sync: { $when }
server-sync-now = Sync now
server-sync-sending-progress = Sending records: { $done } of { $total } KB…
server-sync-receiving-progress = Receiving records: { $done } KB…
server-sync-done = Done: { $sent } records sent, { $received } received, { $toChoose } to choose.
server-sync-to-choose = Some changes clash and need a choice: open "See clashing changes".
server-unpair-open = Disconnect
server-unpair-why = This phone stops syncing with the server. Every record stays on this phone; it can be connected again with a new code.
server-unpair-confirm = Yes, disconnect
server-unpaired = Disconnected. Every record stays on this phone.
server-family-code = Server code for the family's phone
server-family-code-made = Type this code on the family's phone (Settings → Puskesmas server): { $code }. Valid { $hours } hours, once.
server-family-code-making = Making a code…
server-failure-unreachable = the server could not be reached (no internet?)
server-failure-refused = the server no longer accepts this phone
server-failure-rejected = the server refused what was sent
server-failure-server-error = the server has a problem
server-failure-local = this phone could not read or write its records
server-families-elsewhere = { $count ->
    [one] 1 family was moved by the puskesmas to another cadre: its records are no longer sent from this phone.
   *[other] { $count } families were moved by the puskesmas to another cadre: their records are no longer sent from this phone.
}
server-waiting-consent = { $count ->
        [one] 1 family is
       *[other] { $count } families are
    } not sent to the server because the mother has not agreed to the new consent text ({ $families }). Open the family's review and choose "Ask the mother for her consent".
server-own-waiting-consent = The family's data is not sent to the server because the mother has not agreed to the new consent text. The app asks her when it opens.
server-erasures-waiting = { $count ->
        [one] 1 request
       *[other] { $count } requests
    } to erase a family's data not yet sent to the server: sent automatically once this phone has internet.
