# Moving records between devices as a file (bundle).
family-data-title = Family data
family-data-intro = Send the massage records to your cadre as a file (for example through WhatsApp), receive a file from the cadre, or correct the family's details.
transfer-send-to-cadre = Send to the cadre
transfer-receive = Receive a file
transfer-send-all = Send every family
transfer-send-family = Send this family's data
family-edit = Edit family details
family-edit-title = Edit family details
family-edit-intro = Correct what is wrong. The old details are kept as history.
family-edit-save = Save changes

transfer-send-title = Send to the cadre
transfer-send-all-title = Send every family's data
transfer-send-intro = The app makes one file with the family's details, massage sessions, the mother's ratings, milk status, lessons read and test results. Save the file, then send it to the cadre (for example through WhatsApp). The file never holds the cadre's PIN.
transfer-records = The file holds { $records ->
        [one] one record
       *[other] { $records } records
    }.
transfer-last-export = Last sent: { $date }.
transfer-never-sent = Never sent from this device.
transfer-since-last = Only what is new or changed since the last file ({ $records ->
        [one] one record
       *[other] { $records } records
    })
transfer-save-file = Save the file
transfer-saving = Saving the file…
transfer-saved = Saved: { $file } ({ $records ->
        [one] one record
       *[other] { $records } records
    }).
transfer-share-to-cadre = Send to the cadre (WhatsApp and more)
transfer-share-file = Share the file (WhatsApp and more)
transfer-sharing = Getting the file ready to send…
transfer-shared = The file { $file } is ready to send ({ $records ->
    [one] 1 record
   *[other] { $records } records
}). Pick the app, WhatsApp for example, then the cadre.
share-bundle-title = Send the Ayah ASI file
transfer-back = Back

transfer-receive-title = Receive a file
transfer-receive-intro = Choose an Ayah ASI file (.ayahasi). The app shows what it holds first; nothing changes until you press "Apply".
transfer-pick-file = Choose a file
transfer-reading = Reading and checking the file…
transfer-preview-title = What the file holds
transfer-made-on = Made: { $date }.
transfer-session-span = Massage sessions from { $from } to { $to }.
transfer-kind = Kind of record
transfer-deleted-kind = { $kind } (deleted)
transfer-nothing-new = Everything in this file is already on this device. There is nothing to apply.
transfer-will-change = { $changes ->
        [one] One record will be added or updated.
       *[other] { $changes } records will be added or updated.
    }
transfer-apply = Apply ({ $changes })
transfer-applying = Applying…
transfer-applied = Done: { $changes ->
        [one] one record added or updated.
       *[other] { $changes } records added or updated.
    }
transfer-conflicts-waiting = { $count ->
        [one] One clashing change waits for the cadre to choose.
       *[other] { $count } clashing changes wait for the cadre to choose.
    }

transfer-decision-new = New
transfer-decision-updated = Updated
transfer-decision-known = Already here
transfer-decision-older = Older (not used)
transfer-decision-conflict = Clashing
transfer-decision-deleted = Deleted
transfer-decision-held = Held back

transfer-table-family = Family details
transfer-table-cadre = Cadre
transfer-table-consent = Consent
transfer-table-massage_plan = Massage plan
transfer-table-massage_session = Massage sessions
transfer-table-session_rating = Mother's ratings
transfer-table-milk_status = Milk status
transfer-table-feeding_recall = What the baby was fed
transfer-table-home_visit = Home visits
transfer-table-visit_score = Checklist scores
transfer-table-lesson_read = Lessons read
transfer-table-quiz_attempt = Knowledge tests
transfer-table-hands_on_training = Massage trainings
transfer-table-posko_question = Questions for the posko

conflicts-title = Clashing changes
conflicts-intro = The same record was changed on two devices. Choose which one to use; the other stays in the history.
conflicts-none = No clashing changes.
conflicts-open = See clashing changes
conflicts-open-count = Clashing changes ({ $count })
conflict-no-family = Unknown family
conflict-found = Found: { $date }
conflict-field = Field
conflict-here = On this device
conflict-incoming = From the file
conflict-empty = (empty)
conflict-keep-here = Use this device's
conflict-take-incoming = Use the file's
conflict-field-pass-seconds = Length of one round (seconds)
conflict-field-passes = How many rounds
transfer-posko = New posko schedule from { $cadre }: { $line }
