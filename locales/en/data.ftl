# When the database cannot be opened.
problem-title = The data cannot be opened
problem-read-only = The data folder cannot be written to (read-only). The app cannot save anything there.
problem-disk-full = The device's storage is full. Free some space (delete photos or videos), then press "Try again".
problem-damaged = The data file is damaged or is not an Ayah ASI file. It has not been deleted.
problem-newer-version = This data was made by a newer version of Ayah ASI. Update the app, then open it again.
problem-other = The data file cannot be opened.
problem-folder = Data folder: { $folder }
problem-detail = Technical detail: { $detail }
problem-retry = Try again
problem-save-copy = Save a copy of the data
problem-copy-saved = Copy saved: { $file }
problem-start-fresh = Start fresh (the old data is kept)
problem-start-fresh-warning = The old data file is moved into an "unreadable-…" folder in { $folder } and is not deleted. The app then starts with no data.
problem-start-fresh-confirm = Yes, start fresh
problem-set-aside = The old data is kept in { $folder }.

# Backups.
backup-title = Backups
backup-intro = The app makes a backup every day and before every update, and keeps the newest 7 on this device.
backup-now = Back up now
backup-made = Backup made.
backup-none = No backups yet.
backup-restore = Restore
backup-restore-warning = The current data is replaced by this backup (it is backed up first).
backup-restore-confirm = Yes, restore
backup-restored = Data restored from the backup of { $date }.
backup-reason-daily = daily
backup-reason-before-migration = before an update
backup-reason-before-restore = before a restore
backup-reason-manual = made by hand
backup-reason-after-deletion = after a deletion

# The family's own data.
my-data-title = The family's own data
my-data-intro = A family may download all the data kept about it, or delete all of it.
my-data-intro-download = A family may download all the data kept about it.
my-data-json = Download all data (JSON)
my-data-csv = Download all data (CSV)
my-data-saved = Saved: { $records ->
        [one] one record
       *[other] { $records } records
    } in { $files ->
        [one] one file
       *[other] { $files } files
    }.
my-data-share = Send all data (WhatsApp and more)
my-data-shared = Ready to send: { $records ->
    [one] 1 record
   *[other] { $records } records
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}. This is about her health: send it only to someone the family trusts.
share-data-title = Send the family's data
my-data-delete = Delete all the family's data
my-data-delete-warning = All the family's data on this phone, old backups too, is deleted and cannot be brought back: the family's details, massage sessions, the mother's ratings, milk status, visits and test results. This phone is not connected to the server, so copies on the cadre's phone or the puskesmas server stay: ask the cadre or the midwife at the puskesmas to delete them.
my-data-delete-warning-paired = All of this family's data will be deleted and cannot be brought back: on this phone now (old backups too), then on the puskesmas server, and on the cadre's phone when it next connects. If this phone has no internet now, the request to erase is sent automatically once it connects. Files once sent through WhatsApp are beyond the server's reach: ask the cadre to delete them.
my-data-delete-confirm = Yes, delete everything
my-data-deleting = Deleting…
my-data-deleted-not-asked = { $records ->
        [one] One record
       *[other] { $records } records
    } deleted from this phone.
my-data-deleted-sent = { $records ->
        [one] One record
       *[other] { $records } records
    } deleted from this phone. The puskesmas server has erased this family's data; other phones that hold it delete their copies when they next connect.
my-data-deleted-waiting = { $records ->
        [one] One record
       *[other] { $records } records
    } deleted from this phone. This phone cannot reach the puskesmas server yet: the request to erase goes by itself once there is internet. Until then, do not remove this app or disconnect it from the puskesmas server.
my-data-deleted-continue = Continue
remove-family-title = Remove this family
remove-family-intro = Choose what fits; both need the cadre's PIN.
remove-family-here = From this phone only (the family moved away)
remove-family-server = Also from the puskesmas server (the mother asked)
remove-family-here-warning = This family's data is deleted from this phone only and cannot be brought back on it: the family's details, massage sessions, the mother's ratings, milk status, visits and test results; old backups are deleted too. The data on the puskesmas server and on the family's phone stays, and new records of this family no longer come to this phone. Ask the puskesmas to move the family to its new cadre.
remove-family-server-warning = Only at the mother's request. This family's data is deleted from this phone now, then from the puskesmas server, then from the family's phone if it is connected; it cannot be brought back. If this phone has no internet now, the request to erase goes by itself once it connects. Also delete this family's files in your WhatsApp.
remove-family-confirm = Delete
