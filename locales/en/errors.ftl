## Errors: each id is a code the Rust side sends

error-invalid-input = Some answers are not right yet.
error-unsupported-language = The language "{ $language }" is not available.
error-family-exists = This device already holds a family.
error-storage = The data could not be saved on this device. Detail: { $detail }
error-internal = Something went wrong in the app. Please try again. Detail: { $detail }
error-unknown = An unknown error happened.
error-field-required = Required.
error-text-too-long = Too long: at most { $max } characters.
error-text-control-chars = Contains characters that cannot be used.
error-date-invalid = This is not a valid date.
error-birth-date-future = The date of birth cannot be after today.
error-birth-date-too-old = The date of birth can be at most { $years } years ago.
error-rw-rt-number = Digits only, at most { $max }.
error-consent-required = The mother's consent is needed to record her health data.
error-no-family = Fill in the family's details first.
error-session-not-found = The massage session was not found.
error-session-not-preparing = This massage session has already started or ended.
error-session-busy = Another massage session is still running.
error-no-active-session = No massage session is running.
error-session-state = This step cannot be done now.
error-preparation-incomplete = Tick every preparation item first ({ $count } left).
error-unknown-protocol-item = The choice "{ $item }" is not known.
error-too-late-to-resume = The last massage is too long ago to continue.
error-pass-length-range = One pass lasts 1 to 5 minutes.
error-passes-range = 1 to 5 passes.
