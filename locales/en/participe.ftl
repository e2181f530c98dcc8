# Participe — interface texts in English.

## Page frame
skip-to-content = Skip to content
nav-main = Main navigation
nav-language = Language
nav-home = Home
nav-admin = Administration
nav-login = Staff login
nav-logout = Log out
breadcrumb = Breadcrumb
footer-about = Participe, free software for civic participation. This site works without JavaScript and with screen readers.

## Dates
date-long = { $day } { $month } { $year }
date-range = from { $start } to { $end }
date-on = on { $date }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Errors
error-title = Page unavailable
error-back-home = Back to the home page
error-not-found = This page does not exist, or no longer does.
error-not-signed-in = Log in with your staff account to continue.
error-forbidden = Your role does not allow this action.
error-internal = Something unexpected went wrong. Please try again in a moment; nothing you typed is lost.

## Forms
form-required = (required)
form-error-prefix = Error:
form-save = Save
form-cancel = Cancel
field-title = Title
field-slug = Short address
field-slug-hint = Lowercase letters without accents, digits and dashes, for example “mulhouse-solidaire”.
field-subtitle = Subtitle or question
field-description = Description
field-markdown-hint = Markdown formatting: **bold**, *italics*, lists with “- ”.
field-image-url = Image (address)
field-image-url-hint = An address on this site (starting with “/”) or an https address.
field-image-alt = Image text alternative
field-image-alt-hint = Describes the image for people who cannot see it; leave empty if it is decorative.
field-start-date = Start date
field-end-date = End date
field-date-hint = As YYYY-MM-DD, for example 2021-10-27.
field-dates = Dates
field-published = Published
field-published-hint = Visible to everyone on the home page.
field-email = Email address
field-password = Password
field-name = Name
field-role = Role
field-current-password = Current password
field-new-password = New password
field-confirm-password = Confirm the new password
field-initial-password = Initial password

## Phase statuses
status-upcoming = Upcoming
status-open = Open
status-closed = Closed

## Home
home-title = Take part in your city's projects
home-intro = Give your opinion, suggest ideas and follow what becomes of them. No account needed.
home-processes = Current processes
home-empty = No process has been published yet.
home-current-phase = Current phase:
home-take-part = Find out more and take part

## Process
process-phases = Phases
process-themes = Themes
process-draft = Draft: this process is not published yet.
process-saved = The process has been saved.
process-edit-title = Edit the process
process-error-title = Please enter a title.
process-error-title-long = The title must not be longer than 200 characters.
process-error-slug = The short address may only contain lowercase letters without accents, digits and dashes (80 characters at most).
process-error-slug-taken = Another process already uses this short address.
process-error-date = Please enter a valid date as YYYY-MM-DD.
process-error-date-order = The end date must be on or after the start date.
process-error-image = The image must be an address on this site (starting with “/”) or an https address.

## Phase
phase-position = Phase { $n } of { $total }
phase-opens-on = Opens on { $date }.
phase-open-until = Open until { $date } inclusive.
phase-closed-on = Closed on { $date }.
phase-components = In this phase
phase-no-components = This phase presents the process; it has no online activity.
phase-nav = Neighbouring phases
phase-previous = Previous phase
phase-next = Next phase
phase-add = Add a phase
phase-edit-title = Edit the phase
phase-edit = Edit “{ $title }”
phase-move-up = Move “{ $title }” up
phase-move-down = Move “{ $title }” down
phase-delete = Delete “{ $title }”
phase-delete-title = Delete a phase
phase-delete-confirm = Delete the phase “{ $title }” and everything in it? This cannot be undone.
phase-delete-submit = Delete for good
phase-saved = The phase has been saved.
phase-deleted = The phase has been deleted.

## Components
component-consultation = Consultation
component-consultation-what = Suggest ideas in one sentence and give your opinion on other people's, one at a time. The results show where people agree and where they are divided.
component-event = Event
component-event-what = The programme, the speakers and registration, with limited seats per workshop.
component-survey = Survey
component-survey-what = A satisfaction survey, anonymous if you wish, whose results are published.
component-evaluation = Live evaluation
component-evaluation-what = A meeting in the room and on video where everyone rates the process live from their phone.

## Login
login-title = Staff login
login-intro = For staff only (administration, moderation, mediation, front desk). Taking part needs no account.
login-submit = Log in
login-error-credentials = Wrong email address or password.
login-welcome = Hello { $name }, you are logged in.
logout-done = You are logged out.
password-show = Show password
password-hide = Hide password

## Account
account-title = My account
password-title = Change password
password-hint = At least 10 characters. An easy-to-remember sentence works well.
password-submit = Change password
password-changed = Your password has been changed.
password-error-short = The password must be at least 10 characters long.
password-error-mismatch = The two passwords are not the same.
password-error-current = The current password is wrong.

## Roles
role-admin = Administration
role-moderator = Moderation
role-mediator = Mediation
role-event_staff = Event front desk

## Administration
admin-title = Administration
admin-your-role = Your role: { $role }.
admin-processes = Processes
admin-new-process = New process
admin-published = Published
admin-draft = Draft
admin-state = State
admin-view-public = View the public page
admin-manage-staff = Manage staff accounts
admin-no-phases = No phase yet.

## Staff
staff-title = Staff accounts
staff-new = Create an account
staff-create = Create the account
staff-created = The account { $email } has been created.
staff-error-email = Please enter a valid email address, for example first.last@mulhouse.fr.
staff-error-email-taken = An account with this email address already exists.
staff-error-name = Please enter a name of 80 characters at most.
staff-error-role = Please choose a role from the list.
