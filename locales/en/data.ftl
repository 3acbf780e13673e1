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
my-data-json = Download all data (JSON)
my-data-csv = Download all data (CSV)
my-data-saved = Saved: { $records ->
        [one] one record
       *[other] { $records } records
    } in { $files ->
        [one] one file
       *[other] { $files } files
    }.
my-data-delete = Delete all the family's data
my-data-delete-warning = All of this family's data on this device will be deleted and cannot be brought back: the family's details, massage sessions, the mother's ratings, milk status, visits and test results. Old backups are deleted too. Data already sent to the cadre stays on the cadre's device until the cadre deletes it.
my-data-delete-confirm = Yes, delete everything
my-data-deleted = { $records ->
        [one] One record deleted.
       *[other] { $records } records deleted.
    }
