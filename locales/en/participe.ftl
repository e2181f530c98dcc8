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
error-unavailable = The site is temporarily unavailable. Please try again in a moment: what you typed is kept (go back to your form and send it again).
error-storage-full = The site cannot store anything more for now. Nothing already saved is lost; please try again later: what you typed is kept (go back to your form and send it again).
error-unavailable-title = Temporarily unavailable
error-unavailable-resend = Send it again

## Protections at the edge (refusals before the application runs)
error-cross-site = This form was sent from another site, so it was refused. Go back to the page on this site and send it again from there.
error-body-too-large = What was sent is too large for this form. Shorten the text and send it again.
error-too-many-streams = Too many live pages are open from this connection. Close a few tabs: the page works without live updates in the meantime.
error-streams-full = The server is following too many live pages right now. The page works without live updates; try again in a moment.

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
component-evaluation = Citizens' meeting (live evaluation)
component-evaluation-what = A meeting in the room and on video where everyone rates the process live from their phone.

## Login
login-title = Staff login
login-intro = For staff only (administration, moderation, mediation, front desk). Taking part needs no account.
login-submit = Log in
login-error-credentials = Wrong email address or password. A disabled account cannot log in either: ask an administrator.
login-error-throttled = Too many failed sign-in attempts for this account or from your connection. Please wait { $minutes } minutes, then try again.
login-error-busy = The server is busy checking other sign-ins. Please try again in a moment.
login-welcome = Hello { $name }, you are logged in.
logout-done = You are logged out.
password-show = Show password
password-hide = Hide password
login-forgot = Forgot your password?
forgot-title = Forgot your password
forgot-intro = Enter the email address of your staff account: if it is one, we send it a link to choose a new password. The link works for one hour, once.
forgot-submit = Send the link
forgot-back = Back to the login page
reset-requested = If this address belongs to a staff account, a link to choose a new password has just been sent to it. It works for one hour.
reset-title = Choose a new password
reset-submit = Save the new password
reset-new-link = Ask for a new link
reset-error-link = This link no longer works: it has expired or has already been used. Ask for a new one.
reset-done = Your password has been changed and every session of your account has ended. Log in with the new password.
reset-mail-subject = Choose a new password for Participe
reset-mail-body = Hello { $name },

    To choose a new password for your staff account, open this link within { $minutes } minutes:
    { $link }

    The link works once. If you did not ask for it, ignore this mail: your password stays as it is.

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
staff-error-action = Please choose to disable or to enable the account.
staff-error-last-admin = Refused: there must always be at least one active administrator, and this change would leave none. Give another account the administration role first.
staff-error-reset-disabled = This account is disabled: enable it before sending it a link.
staff-state = State
staff-state-active = Active
staff-state-disabled = Disabled
staff-state-demo = Demo account (published password)
staff-account-title = Staff account
staff-role-title = Role
staff-role-submit = Change the role
staff-role-changed = { $email } now has the role { $role }.
staff-disable-title = Disable the account
staff-disable-hint = Every session of this account ends at once and it can no longer log in, until it is enabled again. Nothing it did is deleted.
staff-disable-own = This is your own account: you will be logged out.
staff-disable = Disable the account
staff-disabled = The account { $email } is disabled; its sessions have ended.
staff-enable-title = Enable the account again
staff-enable-hint = The account can log in again with its password.
staff-enable = Enable the account
staff-enabled = The account { $email } is enabled again.
staff-reset-title = Password reset
staff-reset-hint = A link to choose a new password is mailed to { $email }; it works for one hour, once. The current password keeps working until the link is used.
staff-reset-submit = Send a reset link
staff-reset-sent = A password reset link has been sent to { $email }.

## Consultation
component-open = Take part
consultation-vote = Vote on the proposals
consultation-propose = Suggest an idea
consultation-results = See the results
consultation-how = Vote on other people's ideas, one at a time, and suggest your own in one sentence starting with “{ $prefix }…”. No account needed.
consultation-open-until = Open until { $date } inclusive.
consultation-opens-on = Opens on { $date }.
consultation-closed-on = Closed on { $date }. The results remain available.
consultation-error-closed = This consultation is closed: it no longer takes votes or proposals. Its results remain available.
request-error-key = This request is incomplete. Please reload the page and try again.
text-error-control = This text contains an invisible control character (such as a NUL byte). Please retype it without it.

## Proposing
propose-idea = Your idea
propose-your-idea = Your idea (it starts with “{ $prefix }…”)
propose-hint = One idea, in one sentence. “{ $prefix }” is added at the start; { $max } characters at most in all.
propose-continue = Continue
propose-similar = Similar ideas already exist
propose-similar-intro = You can vote for one of them instead of suggesting yours, or carry on below.
propose-vote-instead = Vote on this idea
propose-name = First name or nickname
propose-name-hint = Shown with your idea.
propose-email = Email address (optional)
propose-email-hint = To hear what becomes of your idea. It is never published.
propose-charter = I accept the
propose-submit = Send my idea
proposal-received = Thank you! Your idea has been received. It will be published once the moderation team has read it.
proposal-error-empty = Please write your idea.
proposal-error-short = Your idea is too short: at least 12 characters, including the start.
proposal-error-long = Your idea is too long: 140 characters at most, including the start.
proposal-error-markup = Please write your idea as plain text, without tags.
proposal-error-name = Please give a first name or nickname (60 characters at most).
proposal-error-email = This email address does not look valid; correct it or leave the field empty.
proposal-error-age = Please choose an age bracket from the list.
proposal-error-neighbourhood = Please choose a neighbourhood from the list.
proposal-error-charter = To suggest an idea, please accept the moderation charter.
form-prefer-not = I'd rather not say

## Optional details
demographics-title = One more question, if you don't mind
demographics-intro = Your age and neighbourhood help us know whether the whole city is heard. You can skip this question.
demographics-age = Age bracket (optional)
demographics-neighbourhood = Neighbourhood (optional)
demographics-save = Confirm
demographics-skip = Skip
age-under-18 = Under 18
age-18-24 = 18 to 24
age-25-34 = 25 to 34
age-35-49 = 35 to 49
age-50-64 = 50 to 64
age-65-plus = 65 and over

## Voting
vote-prompt = What do you think?
vote-agree = Agree
vote-disagree = Disagree
vote-neutral = Neutral
vote-recorded = Your opinion: { $key }.
vote-qualify = To say more (optional, several choices allowed)
vote-qualify-submit = Save these details
vote-change = Change my mind
vote-withdraw = Withdraw my vote
vote-network-sending = Sending…
vote-network-retrying = Slow connection: trying again…
vote-network-failed = No connection: nothing is lost, press again to retry. Your vote will count only once.
vote-error-key = Please choose “Agree”, “Disagree” or “Neutral”.
vote-error-qualification = This detail does not match your opinion.
vote-error-no-vote = Please vote on this idea first.
qualification-like_it = Love it
qualification-doable = Realistic
qualification-platitude_agree = Obvious
qualification-no_way = No way!
qualification-impossible = Not feasible
qualification-platitude_disagree = Obvious
qualification-do_not_understand = Don't understand
qualification-no_opinion = No opinion
qualification-do_not_care = Don't care
sequence-progress = { $n } / { $total }
sequence-next = Next
sequence-finish = Finish
sequence-skip = Skip this idea
sequence-thanks = Thank you for voting!
sequence-done = You went through { $count } ideas.
sequence-restart = Vote on other ideas
sequence-empty = You have voted on every idea published so far. Come back soon, or suggest your own!

## One proposal
proposal-title = An idea
proposal-by = Suggested by { $name }
proposal-more = Vote on other ideas
proposal-share = Share this idea
proposal-share-link = Address to share
proposal-status-pending = Awaiting moderation
proposal-status-accepted = Published
proposal-status-refused = Refused
report-title = Report this idea
report-reason = Reason for reporting
report-submit = Report
report-received = Thank you, the moderation team will look at your report.
report-error-reason = Please choose a reason from the list.
report-inappropriate = Inappropriate content
report-offensive = Offensive language
report-spam = Advertising or spam

## Results
results-title = Consultation results
results-figures = Participation
results-participants = participants
results-proposals = published ideas
results-votes = votes
results-method = Percentages count the votes cast in the sequences the platform offers, and half of those cast on an idea's own page; votes from shared links are kept but not counted.
results-top = Ideas people agree on
results-controversies = Ideas that divide
results-rejected = Rejected ideas
results-by-theme = By theme
results-theme-count = { $count } published ideas
results-none = No idea in this category yet.
results-bar-summary = { $agree } % agree, { $disagree } % disagree, { $neutral } % neutral, out of { $total } votes
results-data = See the data
results-vote = Opinion
results-count = Votes
results-share = Share
results-open-data-json = Open data (JSON)
results-open-data-csv = Ideas and votes (CSV)
results-groups = By neighbourhood and age
results-groups-intro = From the participants who answered the optional question about their age and neighbourhood. A group of fewer than 5 people shows no results, so that nobody can be recognised.
results-groups-by-neighbourhood = Participants by neighbourhood
results-groups-by-age = Participants by age bracket
results-groups-none = Nobody has answered yet.
results-group = Group
results-group-choose = See the results of one group
results-group-option = { $group } ({ $count })
results-group-show = Show
results-group-heading = { $group }: { $count } participants
results-group-too-small = Fewer than { $min } participants in this group: its results are not shown.
settings-title = Consultation settings
settings-link = Consultation settings of “{ $title }”
settings-phase = Phase: { $phase }
settings-saved = The consultation settings are saved.
settings-question = Question asked
settings-slug-hint = The consultation's address: lowercase letters without accents, digits and dashes.
settings-prefix = Start of every proposal
settings-prefix-hint = Put before every idea, for example “We should”.
settings-prefix-default = We should
settings-lang = Language of the proposals
settings-neighbourhoods = Neighbourhoods offered
settings-neighbourhoods-hint = One per line. Participants may pick one if they wish.
settings-opens = Opens on
settings-closes = Closes on
settings-sequences = Voting sequences and results
settings-sequence-size = Proposals per sequence
settings-sequence-size-hint = From 1 to 50; 12 by default.
settings-new-share = Share of new proposals (%)
settings-new-share-hint = 30 by default.
settings-new-threshold = Votes below which a proposal is new
settings-new-threshold-hint = 10 by default.
settings-controversy-share = Share of controversial proposals (%)
settings-controversy-share-hint = 10 by default.
settings-trusted-weight = Weight of votes made on an idea's page (%)
settings-trusted-weight-hint = 50 by default: such a vote counts half a sequence vote.
settings-error-required = This field is required.
settings-error-long = This text is too long.
settings-error-number = Enter a whole number within the limits given.
settings-error-lang = Choose a language from the list.
settings-error-neighbourhood = A neighbourhood name is 80 characters at most.

## Moderation
moderation-title = Moderation
moderation-pending = { $count } ideas waiting
moderation-next = Moderate the next idea
moderation-reported = Reported ideas: { $count }
moderation-reports = ({ $count } reports)
moderation-proposal = Moderate an idea
moderation-status = State
moderation-locked-for = This idea is reserved for you for { $minutes } minutes.
moderation-themes = Themes of the idea
moderation-accept = Publish
moderation-reason = Reason for refusal
moderation-message = Message to the author (optional)
moderation-message-hint = Sent to the author if they left an email address. 500 characters at most.
moderation-refuse = Refuse
moderation-accepted = The idea is published.
moderation-refused = The idea is refused.
moderation-queue-empty = No idea is waiting for moderation.
moderation-error-locked = Another moderator is already handling this idea.
moderation-error-reason = Please choose a reason for refusal from the list.
moderation-error-message = The message must not be longer than 500 characters.
moderation-error-decision = Please choose to publish or refuse.
refusal-incomprehensible = Incomprehensible
refusal-off-topic = Off topic
refusal-partisan = Partisan
refusal-legal = Against the law
refusal-advertising = Advertising
refusal-several-ideas = Several ideas at once
refusal-wrong-language = Not in the consultation's language
refusal-rude = Rude or disrespectful
refusal-out-of-scope = Outside the city's powers
refusal-duplicate = Already exists
refusal-other = Other reason

## Charter
charter-title = Moderation charter
charter-intro = Every idea suggested is read by the moderation team before it is published. This charter says what is published and why an idea may be refused.
charter-rules = What we publish
charter-rules-text = One idea per proposal, in one sentence, answering the question asked, respecting people and the law. We do not edit ideas: we publish them as they are, or refuse them with a reason.
charter-reasons = Reasons for refusal
charter-report = Reporting an idea
charter-report-text = Anyone can report a published idea that seems inappropriate, offensive or advertising; the moderation team then reads it again.
error-rate-limited = You are going a little fast: please wait a minute before going on. Nothing is lost.

## Mail
mail-greeting = Hello { $name },
mail-signature = The consultation team
mail-why-proposal = You receive this message because you left your address when you proposed an idea. It is only used to give you news of that idea.
mail-accepted-subject = Your idea is published
mail-accepted-intro = Your idea for the consultation "{ $question }" was read by the moderation team and published:
mail-accepted-link = Everyone can now vote on it. Here is its address, to share around you:
mail-refused-subject = Your idea was not published
mail-refused-intro = Your idea for the consultation "{ $question }" was read by the moderation team, who did not publish it:
mail-refused-reason = Reason: { $reason }
mail-refused-message = Message from the moderators:
mail-refused-charter = What we publish and why an idea may be refused: { $link }
admin-mail = Mail
admin-mail-link = See the mail sent and waiting
mail-admin-smtp = Mail goes out through the SMTP server { $server }. Failed mail is tried again later and later, then given up.
mail-admin-folder = No SMTP server is configured: each mail is written to the folder "{ $dir }", one .eml file per mail. Open one below to read it.
mail-admin-empty = No mail yet.
mail-admin-caption = Latest mail
mail-admin-limit = Newest first, { $count } at most.
mail-admin-totals = Waiting: { $pending }. Sent: { $sent }. Given up: { $failed }.
mail-created = Created
mail-recipient = Recipient
mail-subject = Subject
mail-status = Status
mail-attempts = Attempts
mail-last-error = Last error
mail-sent-at = Sent
mail-next-attempt = Next attempt
mail-file = File
mail-status-pending = Waiting
mail-status-sent = Sent
mail-status-failed = Given up
mail-detail-title = Mail no. { $id }
mail-text = Text of the mail
mail-has-html = This mail also has an HTML version, not shown here.
mail-attachments = Attachments
mail-attachment = { $name } ({ $type }, { $size } bytes)
mail-back = All mail

## Symposium
date-time = { $date } at { $time }
event-programme = See the programme
event-staff-nav = Event desk
programme-title = Programme
programme-filter = Filter the programme
programme-day = Day
programme-theme = Theme
programme-all-days = All days
programme-all-themes = All themes
programme-apply = Filter
programme-clear = See the whole programme
programme-nothing = No session on that day for this filter.
programme-back = Back to the programme
session-kind-plenary = Plenary session
session-kind-round-table = Round table
session-kind-workshop = Workshop
session-when = When
session-room = Room
session-seats = Seats
session-themes = Themes
session-speakers = Speakers
speakers-title = Speakers
speaker-sessions = Speaking at
speaker-demo = Invented person (demo)
speaker-photo-alt = Portrait of { $name }
workshop-seats-left = { $count } of { $seats } seats free
workshop-full = Full: waiting list ({ $waiting } waiting)
profile-professional = Professional
profile-volunteer = Volunteer
profile-institution = Representative of an institution
profile-elected = Elected official
profile-resident = Resident
answer-yes = Yes
answer-no = No
registration-title = Registration
registration-submit = Register
registration-intro = Registration is free. You will receive by email your entry code and a personal link to change or cancel your registration, with no account.
registration-you = You
registration-first-name = First name
registration-last-name = Last name
registration-email = Email address
registration-email-hint = To receive your confirmation and your personal link.
registration-organisation = Organisation (optional)
registration-profile = You are coming as
registration-days = Days attending
registration-day-full = { $date } (full)
registration-workshops = Workshops
registration-workshops-hint = At most one workshop per time slot. If a workshop is full, you join its waiting list and are told by email when a seat frees up.
registration-workshop-slot = Workshop on { $date } at { $time }
registration-no-workshop = No workshop in this slot
registration-workshop-waiting-hint = Full: you will be on the waiting list.
registration-needs = Particular needs
registration-accessibility = Accessibility (optional)
registration-accessibility-hint = Wheelchair, sign language interpreting, hearing loop, companion…
registration-dietary = Meals (optional)
registration-dietary-hint = Vegetarian, no pork, allergies…
registration-questions = Further questions
registration-consent = I agree that the City uses this information to organise the event; it is deleted after the event.
registration-done = You are registered. Your entry code: { $code }. Keep this page: its address is your personal link.
registration-mine = My registration
registration-hello = Registration of { $name }
registration-private-link = The address of this page is personal: do not share it. It lets you see, change or cancel your registration.
registration-ticket = Your entry code, to give at the desk:
registration-ticket-hint = You can also read it out: it has no 0, O, 1, I or L.
registration-arrived = arrival recorded on { $when }
registration-change = Change my registration
registration-change-submit = Save the changes
registration-changed = Your registration is changed.
registration-cancel = Cancel my registration
registration-cancel-intro = Your seat and workshops will be offered to people on the waiting lists.
registration-cancel-confirm = I confirm I cancel my registration
registration-cancel-submit = Cancel my registration
registration-cancelled = Your registration is cancelled.
registration-is-cancelled = This registration is cancelled.
registration-offer-accept = Accept the seat
registration-offer-decline = Decline the seat
registration-offer-accepted = Your seat in the workshop is confirmed.
registration-offer-declined = The seat is offered to the next person.
place-confirmed = Seat confirmed
place-waiting = Waiting list, position { $position }
place-offered = A seat freed up for you: accept it before { $deadline }
place-expired = The seat offered was not accepted in time
registration-error-closed = Registration is closed.
registration-error-event-full = The event is full: no seat is left.
registration-error-day-full = { $date } is full: untick that day to register.
registration-error-already = This email address is already registered. Use the personal link sent by email to change your registration.
registration-error-already-resent = This email address is already registered: we have sent the personal link to change the registration to it again.
registration-error-already-recent = This email address is already registered, and its personal link was sent to it less than an hour ago: look in that mailbox (and its spam folder).
registration-error-cancelled = This registration is cancelled: it can no longer be changed.
registration-error-no-offer = This seat is no longer offered: the deadline has passed.
registration-error-offer-answer = Choose to accept or decline the seat.
registration-error-first-name = Give your first name (80 characters at most).
registration-error-last-name = Give your last name (80 characters at most).
registration-error-email = Give a valid email address, for example name@example.org.
registration-error-profile = Choose what you are coming as.
registration-error-days = Choose at least one day.
registration-error-workshop = Choose a workshop from the list.
registration-error-workshop-day = This workshop is on a day you did not tick: tick that day or choose "No workshop".
registration-error-too-long = This text is too long.
registration-error-required = This question must be answered.
registration-error-choice = Choose one of the answers offered.
registration-error-consent = Tick the consent box to register.
registration-error-confirm-cancel = Tick the box to confirm the cancellation.
mail-confirmation-subject = Your registration: { $event }
mail-confirmation-body =
    Hello { $name },

    Your registration for "{ $event }" is recorded.

    Your entry code: { $code }

    To see, change or cancel your registration: { $link }
mail-days = Days:
mail-workshops = Workshops:
event-mail-signature = The event team
mail-offer-subject = A seat freed up: { $workshop }
mail-offer-body =
    Hello { $name },

    A seat freed up in the workshop "{ $workshop }" of "{ $event }".
    It is held for you until { $deadline }. To accept or decline it: { $link }

    After that, it will be offered to the next person.
mail-reminder-subject = Reminder: { $event }
mail-reminder-body =
    Hello { $name },

    "{ $event }" starts on { $date }. Venue: { $venue }.

    Your entry code: { $code }

    Your registration: { $link }
checkin-title = Desk: record arrivals
checkin-admitted = Welcome: arrival recorded.
checkin-already-used = Refused: this ticket was already used for this day (arrival on { $when }).
checkin-cancelled = Refused: this registration is cancelled.
checkin-not-this-day = Refused: this person is not registered for that day.
checkin-unknown = Refused: no ticket with this code for this event.
checkin-error-code = A code has 8 characters, for example K7MQ-2XRD.
checkin-error-day = Choose the day of the desk.
arrivals-title = Live arrivals
attendees-title = Attendee list
checkin-day = Day of the desk
checkin-change-day = Change day
checkin-code-label = Ticket code for { $date }
checkin-code-hint = 8 characters; dashes and spaces optional, lower case accepted.
checkin-submit = Check the ticket
checkin-code = Code:
checkin-word-admitted = Entry accepted
checkin-word-refused = Entry refused
checkin-workshops-of-day = Workshops of the day
arrivals-of = arrived of { $registered } registered on { $date }
arrivals-screen = Arrivals screen (updates itself)
arrivals-refresh = This page updates itself every { $seconds } seconds.
arrivals-registered = { $count } registered for { $seats } seats.
arrivals-seats-held = Seats taken
arrivals-waiting = Waiting
attendees-workshop = Workshop
attendees-all-workshops = All workshops
attendees-count = { $count } people in this list ({ $cancelled } cancelled registrations are not listed).
attendees-export-csv = Download (CSV)
attendees-export-xlsx = Download (Excel)
attendees-arrived = Arrived on
attendees-ticket = Ticket
attendees-place-confirmed = confirmed
attendees-place-offered = seat offered
attendees-place-waiting = waiting
attendees-place-expired = offer expired
programme-setup = Set up the event
programme-settings = Event settings
programme-edit-event = Event programme of "{ $title }"
programme-edit-item = Edit "{ $title }"
programme-venue = Venue
programme-event-seats = Seats of the event
programme-offer-hours = Time to accept a freed seat (hours)
programme-offer-hours-hint = 48 hours by default; between 1 and 720.
programme-registration-open = Registration open
programme-days = Days
programme-add-day = Add a day
programme-sessions = Sessions
programme-add-session = Add a session
programme-add-speaker = Add a speaker
programme-add-question = Add a question
programme-kind = Kind of session
programme-starts = Start
programme-ends = End
programme-time-hint = Time as 14:30.
programme-workshop-seats = Workshop seats
programme-workshop-seats-hint = Workshops only: registrants choose one workshop per time slot.
programme-speaker-name = Name
programme-speaker-role = Role
programme-speaker-bio = Short biography
programme-speaker-bio-hint = 1,500 characters at most.
programme-speaker-photo = Photo (address)
programme-question-label = Question
programme-question-kind = Kind of answer
programme-question-options = Answers offered
programme-question-options-hint = For a choice only: one answer per line, at least two.
programme-question-position = Order
programme-question-required = Answer required
question-kind-text = Free text
question-kind-choice = Choice from a list
question-kind-yes-no = Yes or no
programme-delete = Delete
programme-delete-confirm = I confirm the deletion (registrations tied to it are removed)
programme-saved = Programme saved.
programme-deleted = Item deleted.
programme-error-required = This field is required.
programme-error-too-long = This text is too long.
programme-error-seats = Give a number of seats (0 or more).
programme-error-offer-hours = Give a time between 1 and 720 hours.
programme-error-time = Give a time as 14:30.
programme-error-time-order = The end must come after the start.
programme-error-day = Choose a day of the event.
programme-error-day-taken = This day already exists.
programme-error-kind = Choose a kind from the list.
programme-error-image = An address of this site (starting with "/") or an https one.
programme-error-options = Give at least two answers, one per line.
programme-error-confirm-delete = Tick the box to confirm the deletion.
admin-events = Events: desk and lists

## Surveys
survey-open = The survey is open.
survey-not-yet-open = This survey is not open yet.
survey-closed = This survey is closed.
survey-invitation-only = This survey is for invited people only: use the link you received by email.
survey-already-answered = You have already answered this survey. Thank you!
survey-anonymous-note = Anonymous survey: your answers are stored without your name, address or invitation link.
survey-progress = Part { $n } of { $total }
survey-required-note = Questions marked “(required)” need an answer; the others are optional.
survey-optional = (optional)
survey-continue = Continue
survey-send = Send my answers
survey-back = Back to the previous part
survey-save-draft = Save and finish later
survey-draft-saved = Your answers are kept on this device: come back to the same address to finish.
survey-problems = To complete or correct ({ $count }):
survey-error-summary = Some answers need completing or correcting: see the messages below. Nothing you wrote is lost.
survey-error-missing = This question needs an answer.
survey-error-invalid = This answer is not valid: choose among the options (and each rank only once).
survey-error-too-long = This text is too long.
survey-yes = Yes
survey-no = No
survey-scale-ends = 0: not at all, 10: completely.
survey-rank-hint = Give each option a rank: 1 for your favourite.
survey-rank-none = No rank
survey-condition-equals = Answer only if you chose “{ $option }” at “{ $question }”.
survey-condition-includes = Answer only if you ticked “{ $option }” at “{ $question }”.
survey-thanks-body = Thank you, your answers are recorded.
survey-see-results = See the survey's results
survey-kind-single = Single choice
survey-kind-multiple = Multiple choice
survey-kind-rating = Satisfaction scale (4 or 5 points)
survey-kind-scale = Score from 0 to 10
survey-kind-yes-no = Yes / no
survey-kind-short-text = Short text
survey-kind-long-text = Long text
survey-kind-matrix = Grid (several items, same scale)
survey-kind-ranking = Ranking
survey-results-title = Results: { $title }
survey-results-responses = Responses received: { $count }.
survey-results-answered = Answers to this question: { $count }
survey-results-option = Answer
survey-results-count = Count
survey-results-top-box = answered “{ $option }”
survey-results-average-rating = Average: { $average } out of { $max } ({ $max }: the best answer).
survey-results-average-scale = Average: { $average } out of { $max }.
survey-results-average-rank = Average rank
survey-results-first = Ranked first
survey-results-multiple = Several answers allowed: the total may exceed 100 %.
survey-results-filter-title = Filter by an answer
survey-results-filter = Only show people who answered
survey-results-everyone = Everyone
survey-results-filtered = { $count } people answered “{ $option }” at “{ $question }”; the results below are theirs.
survey-results-show-all = See all answers
survey-results-too-few = Fewer than { $min } people in this group: its results are not shown, so that nobody can be recognised.
survey-results-staff-only = The results are not published: only staff see them.
survey-results-are-public = The results are published: everyone can see them.
survey-results-publish = Publish the results
survey-results-withdraw = Withdraw the results
survey-results-published = The results are published.
survey-results-withdrawn = The results are no longer published.
survey-export-csv = Download the responses (CSV)
survey-export-xlsx = Download the responses (Excel)
survey-builder-title = Survey
survey-builder-link = Survey of “{ $title }”
survey-builder-slug-hint = The survey's address: /surveys/short-address.
survey-builder-intro = Introduction
survey-builder-access = Who may answer
survey-access-open = Anyone with the link
survey-access-invitation = Only people invited by email (one-time link)
survey-builder-anonymous = Anonymous survey
survey-builder-anonymous-hint = Answers are stored with no link to the invitation or the person; yet everyone can answer only once.
survey-builder-saved = Survey saved.
survey-builder-preview = Survey preview
survey-builder-results = Results ({ $count ->
    [one] { $count } response
   *[other] { $count } responses
})
survey-builder-questions = Parts and questions
survey-section-n = Part { $n } { $title }
survey-builder-empty-section = No question in this part.
survey-builder-section-title = Title of the new part
survey-builder-add-section = Add a part
survey-builder-add-question = Add a question
survey-builder-edit-question = Edit the question
survey-builder-edit = Edit “{ $prompt }”
survey-builder-up = Move up
survey-builder-down = Move down
survey-builder-delete = Delete
survey-builder-section = Part
survey-builder-kind = Question type
survey-builder-prompt = Question
survey-builder-help = Help (optional)
survey-builder-required = Answer required
survey-builder-required-short = required
survey-builder-options = Options
survey-builder-options-hint = One a line. For a satisfaction scale, 4 or 5 points, best first; for a grid, the points of its scale.
survey-builder-items = Grid items
survey-builder-items-hint = One a line, only for the “Grid” type.
survey-builder-condition = Show the question
survey-builder-condition-hint = Only when the answer to an earlier question is the one chosen here.
survey-builder-always = Always
survey-builder-error-prompt = Write the question (500 characters at most).
survey-builder-error-rating = A satisfaction scale has 4 or 5 points, one a line.
survey-builder-error-options = Write 2 to 20 options, one a line.
survey-builder-error-items = Write 1 to 20 items, one a line.
survey-builder-error-condition = Choose an answer of an earlier question.
survey-builder-error-kind = Choose a question type from the list.
survey-builder-error-section = Choose a part from the list.
survey-builder-error-answered = Answers are already stored: the question keeps its type and its number of options and items (you may reword them).
survey-builder-error-access = Choose who may answer from the list.
survey-preview-note = Preview: every part is on one page and nothing is sent. Conditional questions say when they show.
survey-invite-title = Invitations
survey-invite-summary = { $invited } invitations, { $answered } answered, { $pending } waiting.
survey-invite-recipients = Recipients
survey-invite-recipients-hint = One person a line: “address”, “address, name” or “Name <address>” (a column copied from a spreadsheet works). People already invited are skipped.
survey-invite-event = Also invite the people checked in at
survey-invite-event-hint = Everyone whose ticket was checked in on at least one day, besides the list below.
survey-invite-event-none = No event
survey-invite-error-event = Choose an event from the list.
survey-invite-error-none = Paste at least one address or choose an event where people were checked in.
survey-invite-send = Send the invitations
survey-invite-sent = Invitations sent: { $count }.
survey-invite-error-line = Line { $line } holds no valid email address.
survey-remind-hint = The reminder goes to people who have not answered yet, with a new link (the old one stops working).
survey-remind-send = Remind the { $count } people who have not answered
survey-remind-sent = Reminders sent: { $count }.
survey-mail-hello = Hello,
survey-mail-hello-name = Hello { $name },
survey-invitation-subject = Your opinion: { $title }
survey-invitation-body = You are invited to answer the survey “{ $title }”. It takes a few minutes; you can stop and come back later.

    Your personal, one-time link: { $link }

    The survey is open until { $date }. Thank you!
survey-reminder-subject = Reminder: your opinion on { $title }
survey-reminder-body = You have not answered the survey “{ $title }” yet. It is open until { $date }.

    Your new personal, one-time link: { $link }

    Thank you!

## Rendez-vous citoyen
rendezvous-when = on { $date } at { $time }
rendezvous-register-link = Register for the meeting
rendezvous-register-title = Register for the citizens' meeting
rendezvous-register-name = Name or first name
rendezvous-register-email = Email address (optional)
rendezvous-register-email-hint = Only to receive the confirmation and the meeting's link.
rendezvous-register-remote-hint = You watch the video and answer the questions from home.
rendezvous-register-consent = I agree that the City keeps my registration until the end of the process.
rendezvous-register-submit = Register
rendezvous-registered = You are registered. Keep the link of this page.
rendezvous-link-resent = This address is already registered for this meeting: we have sent the link to the registration to it again.
rendezvous-link-recently-sent = This address is already registered for this meeting, and its link was sent to it less than an hour ago: look in that mailbox (and its spam folder).
rendezvous-registration-title = Your registration
rendezvous-registration-when = When and where
rendezvous-registration-mode = Taking part
rendezvous-registration-keep = On the day, open the live page: you will answer the questions there and can ask your own.
rendezvous-registration-live = Open the live page
rendezvous-mode-room = in the room
rendezvous-mode-remote = remotely
rendezvous-mode-question = How are you following the meeting?
rendezvous-mode-why = Results tell the room and remote participants apart.
rendezvous-mode-in-room = I am in the room
rendezvous-mode-at-home = I am following remotely
rendezvous-mode-now-room = You are taking part in the room.
rendezvous-mode-now-remote = You are taking part remotely.
rendezvous-mode-switch-remote = I am remote, in fact
rendezvous-mode-switch-room = I am in the room, in fact
rendezvous-video-title = The meeting on video
rendezvous-video-frame = Live video: { $title }
rendezvous-video-play = Play the video
rendezvous-video-privacy = The video comes from another site: nothing is loaded from it until you press play.
rendezvous-live-title = Live question
rendezvous-live-none = No question yet. It will show here as soon as it opens.
rendezvous-live-open = Question open: answer now
rendezvous-live-closed = Question closed: final results
rendezvous-live-answers = Answers
rendezvous-live-room = in the room
rendezvous-live-remote = remote
rendezvous-live-mean = Mean
rendezvous-live-option = Answer
rendezvous-live-count = Count
rendezvous-live-share = Share
rendezvous-live-submit = Send my answer
rendezvous-live-choose-mode = First say whether you are in the room or remote.
rendezvous-live-answered = Thank you, your answer is saved.
rendezvous-live-waiting = Results show once you have answered.
rendezvous-live-several = Several answers allowed.
rendezvous-live-words-hint = One to three words, 40 characters at most.
rendezvous-live-word-label = Your answer in a few words
rendezvous-live-no-answers = No answer yet.
rendezvous-refresh = Refresh
rendezvous-answered = Your answer is saved.
rendezvous-audience-title = Questions from the audience
rendezvous-audience-none = No approved question yet.
rendezvous-audience-upvote = I want to ask it too
rendezvous-audience-upvotes = supporters
rendezvous-audience-upvoted = you support it
rendezvous-audience-answered = answered
rendezvous-ask-title = Ask a question
rendezvous-ask-label = Your question
rendezvous-ask-hint = Moderators read it before it is shown. 400 characters at most.
rendezvous-ask-submit = Send my question
rendezvous-asked = Thank you, your question went to the moderators.
rendezvous-ask-pending = Your question is waiting for the moderators.
rendezvous-evaluation-title = Your view of the whole process
rendezvous-evaluation-what = Consultation, symposium, workshops, this meeting: tell us what you thought. The results will be published.
rendezvous-evaluation-answer = Give my view of the whole process
rendezvous-evaluation-results = See the evaluation's results
rendezvous-evaluation-closed = The evaluation questionnaire is not open at the moment.
rendezvous-restitution-title = What the process produced
rendezvous-restitution-consensus = The ideas with the broadest agreement
rendezvous-restitution-controversies = The ideas that divide
rendezvous-restitution-empty = Not enough votes yet.
rendezvous-restitution-all-results = All the consultation's results
rendezvous-restitution-surveys = Questionnaires
rendezvous-restitution-respondents = ({ $count ->
    [one] { $count } answer
   *[other] { $count } answers
})
rendezvous-restitution-avenues = The symposium's action avenues
rendezvous-idea-figures = ({ $agree } % agree, { $disagree } % disagree)
rendezvous-console-title = Host console
rendezvous-projector-link = Projector view
rendezvous-live-link = Participants' page
rendezvous-registrations = Registrations: { $room } in the room, { $remote } remote.
rendezvous-questions-title = Prepared questions
rendezvous-questions-none = No question prepared.
rendezvous-question-open = Open question { $n }
rendezvous-question-close = Close question { $n }
rendezvous-question-edit = Edit question { $n }
rendezvous-question-add = Add a question
rendezvous-question-kind = Kind of question
rendezvous-question-prompt = Question
rendezvous-question-options = Answers offered
rendezvous-question-options-hint = One per line. For a scale, its points from lowest to highest (empty: 1 to 5). Nothing for an answer in a few words.
rendezvous-question-save = Save the question
rendezvous-question-saved = Question saved.
rendezvous-question-opened = Question open: it shows on every screen.
rendezvous-question-closed = Question closed.
rendezvous-kind-rating = Rating scale
rendezvous-kind-single = Single choice
rendezvous-kind-multiple = Multiple choice
rendezvous-kind-word = Answer in a few words (word cloud)
rendezvous-state-draft = prepared
rendezvous-state-open = open
rendezvous-state-closed = closed
rendezvous-moderation-title = Audience questions to moderate
rendezvous-moderation-pending = Audience questions waiting for moderation ({ $count })
rendezvous-moderation-pending-link = The questions waiting for moderation are near the top of the console, updated live.
rendezvous-moderation-approved = Shown, most supported first
rendezvous-moderation-done = Dealt with
rendezvous-moderation-none = None.
rendezvous-moderate-approve = Approve
rendezvous-moderate-reject = Reject
rendezvous-moderate-answered = Mark as answered
rendezvous-moderate-restore = Show again
rendezvous-moderated = Done.
rendezvous-projector-title = Projection
rendezvous-projector-join = Answer from your phone:
rendezvous-projector-qr = QR code to open the live page: {$url}
rendezvous-settings-title = Citizens' meeting settings
rendezvous-settings-link = Citizens' meeting settings: { $title }
rendezvous-settings-name = Title
rendezvous-settings-slug = Address
rendezvous-settings-slug-hint = Lower-case letters, digits and hyphens: /rendezvous/address
rendezvous-settings-description = Presentation (Markdown)
rendezvous-settings-date = Date
rendezvous-settings-time = Start time
rendezvous-settings-venue = Venue
rendezvous-settings-video = Video embed address
rendezvous-settings-video-hint = An https:// player address to embed, on a video host the server allows (for instance https://www.youtube-nocookie.com/embed/… or https://player.vimeo.com/video/…). Nothing loads before the person presses play.
rendezvous-settings-survey = Final evaluation questionnaire
rendezvous-settings-no-survey = None
rendezvous-settings-registration = Registration open
rendezvous-settings-save = Save
rendezvous-settings-saved = Settings saved.
rendezvous-mail-subject = Registration: { $title }
rendezvous-mail-body = Hello { $name },

    Your registration for "{ $title }" on { $date } at { $time } is saved ({ $mode }).
    Venue: { $venue }

    On the day, the live page: { $live }
    Your registration: { $link }

    See you soon!
rendezvous-error-mode = Choose "in the room" or "remotely".
rendezvous-error-closed = Registration is closed.
rendezvous-error-name = Give a name or first name (120 characters at most).
rendezvous-error-email = This email address is not valid.
rendezvous-error-consent = Tick the consent box to register.
rendezvous-error-answer-empty = Choose or write an answer.
rendezvous-error-answer-option = This answer is not one of the choices.
rendezvous-error-answer-long = A few words only: 40 characters at most.
rendezvous-error-already-answered = You have already answered this question.
rendezvous-error-question-closed = This question is closed: answers are no longer taken.
rendezvous-error-ask-short = Your question is too short.
rendezvous-error-ask-long = Your question is longer than 400 characters.
rendezvous-error-upvoted = You already support this question, or it is no longer shown.
rendezvous-error-slug = The address may only hold lower-case letters, digits and hyphens.
rendezvous-error-slug-taken = This address is already taken.
rendezvous-error-title = The title is required (200 characters at most).
rendezvous-error-date = Give a valid date.
rendezvous-error-time = Give a time such as 18:30.
rendezvous-error-video = The video's address must be an https:// player address on one of the video hosts this server allows (by default www.youtube-nocookie.com and player.vimeo.com).
rendezvous-error-survey = Choose a questionnaire of the process.
rendezvous-error-kind = Choose a kind of question.
rendezvous-error-prompt = The question is required (300 characters at most).
rendezvous-error-options-few = Offer at least two answers, one per line.
rendezvous-error-options-many = Ten answers at most.
rendezvous-error-options-long = Each answer holds in 80 characters at most.
rendezvous-error-action = This change is not possible as things stand.
rendezvous-error-open-conflict = Another host has just changed the open question. The console now shows where things stand: open it again if you still want to.
process-evaluation-title = The evaluation of the process
process-evaluation-respondents = { $count } answers
process-evaluation-share = "{ $option }"
process-evaluation-all = All the evaluation's results
## Symposium: tickets (QR code, calendar), badges, action avenues, door scan
mail-ticket-files = Attached: your ticket's QR code (show it at the entrance, on your phone or printed) and the calendar file (.ics) of your days.
mail-seat-confirmed-subject = Your seat is confirmed: { $workshop }
mail-seat-confirmed-body =
    Hello { $name },

    You accepted the seat that became free in the workshop "{ $workshop }" of "{ $event }": it is yours.

    Your entry code: { $code }

    To see, change or cancel your registration: { $link }
ticket-calendar-line = Entry ticket: { $code }
ticket-qr-alt = QR code of your ticket, code { $code }
ticket-download-qr = Download the QR code (PNG)
ticket-download-ics = Add to my calendar (.ics)
avenues-title = Action avenues
avenues-link = The action avenues from the workshops
avenues-intro = Action avenues published after the workshops: { $count }. Each gives its workshop, who leads it, its themes and the consultation proposals it grew from.
avenues-none = No action avenue is published yet. They will be after the workshops.
avenues-by-theme = By theme
avenues-no-theme = Other avenues
avenues-staff-title = For the team: record a workshop's avenues
avenues-staff-page = Action avenues: { $workshop }
avenues-public-link = See the public page of action avenues
avenues-of-workshop = This workshop's avenues
avenues-none-yet = No avenue recorded for this workshop.
avenue-demo = demo
avenue-workshop = Workshop
avenue-lead-actors = Lead actors
avenue-lead-actors-hint = Who carries this avenue forward: services, associations, partners.
avenue-description-hint = Plain text; a blank line separates paragraphs.
avenue-themes = Consultation themes
avenue-proposals = Consultation proposals it grew from
avenue-proposals-hint = The consultation's published ideas that share a theme with the workshop.
avenue-no-proposals = No published proposal to link.
avenue-publish-now = Publish this avenue (visible to everyone)
avenue-save = Save the avenue
avenue-add = Add an action avenue
avenue-add-instead = Add a new avenue instead
avenue-edit = Edit "{ $title }"
avenue-publish = Publish
avenue-unpublish = Unpublish
avenue-delete = Delete
avenue-delete-confirm = I confirm deleting "{ $title }"
avenue-status-published = Published
avenue-status-draft = Draft, not published
avenue-saved-published = The avenue is saved and published.
avenue-saved-draft = The avenue is saved (not published).
avenue-published = The avenue is published.
avenue-unpublished = The avenue is no longer published.
avenue-deleted = The avenue is deleted.
avenue-error-title = Give the action avenue a title.
avenue-error-title-long = The title must not exceed 200 characters.
avenue-error-description-long = The description must not exceed 3,000 characters.
avenue-error-actors-long = Lead actors must not exceed 500 characters.
avenue-error-confirm-delete = Tick the box to confirm the deletion.
badges-title = Badges
badges-link = Badges to print
badges-intro = Badges of the registered people (cancelled registrations left out), 8 per A4 sheet.
badges-print = Print
badges-print-hint = To print, use your browser's Print command (Ctrl+P or ⌘+P).
badges-day = Day
badges-all-days = All days
badges-apply = Show
badges-count = Badges: { $count }
badges-none = Nobody registered for this choice.
badge-one = Badge
checkin-scan = Scan the QR code
checkin-scan-stop = Stop the camera
checkin-scan-hint = Hold the ticket's QR code up to the camera; the code is sent as soon as it is read.
checkin-scan-video = Camera picture
checkin-scan-error = The camera could not be opened: type the code.
registration-error-rate-limited = Too many registrations from this connection in a short time. Wait a minute, then send the form again: what you typed is kept.

## notify: mails to authors (results published, avenue citing an idea) and unsubscribe
author-news-footer = You are receiving this message because you left your address when proposing an idea. To stop receiving this news, in one click: { $link }
author-news-results-subject = The consultation's results are published
author-news-results-intro = The results of the consultation “{ $question }” are published. Thank you for taking part!
author-news-results-ideas = Your ideas, each with its page:
author-news-results-link = All the results:
author-news-cited-subject = An action avenue cites your idea
author-news-cited-intro = Your idea inspired a workshop: the action avenue “{ $avenue }” cites it.
author-news-cited-avenue = The action avenue:
author-news-cited-idea = Your idea:
author-news-unsubscribe-title = Stop receiving news of your ideas
author-news-unsubscribe-ask = The address { $address } will receive no more messages about the ideas it proposed (results published, action avenues citing them).
author-news-unsubscribe-confirm = Unsubscribe
author-news-unsubscribe-done = Done: the address { $address } will receive no more news of its ideas.
author-news-error-token = This unsubscribe link is not valid. Check that it was copied in full from the message you received.
author-news-publish-title = Publish the results
author-news-publish-help = The consultation is closed. Publishing its results sends each author of a published idea who left an address one message, even for several ideas, with links to their ideas and to the results.
author-news-publish-button = Publish the results and tell the authors
author-news-published = Results published. Authors told by mail: { $count }.
author-news-published-on = Results published on { $date }; the authors who left an address were told.
author-news-error-open = The consultation is still open: its results are published after it closes.
author-news-error-already = This consultation's results are already published.
## media: image uploads, process archive and deletion
media-error-missing = Choose an image (JPEG, PNG or WebP).
media-error-too-large = The image is over 8 MB. Choose a lighter one: the file must be chosen again, the rest of the form is kept.
media-error-type = This file is not a readable JPEG, PNG or WebP image. Choose another image: the file must be chosen again, the rest of the form is kept.
media-error-too-small = The image is too small: at least 200 pixels a side. Choose another image: the file must be chosen again.
media-error-too-big = The image is too large: at most 6000 pixels a side. Choose another image: the file must be chosen again.
media-error-alt = Describe the image in a few words (alternative text, read to blind people). The file must be chosen again.
media-error-alt-long = The alternative text is too long (300 characters at most). The file must be chosen again.
media-error-form = The upload form could not be read. Try again.
media-saved = Image saved.
media-removed = Image removed.
media-current = Current image:
media-remove = Remove the image
media-file = Image file
media-file-hint = JPEG, PNG or WebP, 8 MB at most, between 200 and 6000 pixels a side. It is resized for phones.
media-alt-hint = Describes the image for those who cannot see it: what it shows, in one short sentence.
media-upload = Upload the image
process-image-title = Process image
process-lifecycle-title = Archive or delete
process-archive = Archive the process
process-unarchive = Unarchive the process
process-archive-hint = An archived process leaves the home page, stays readable at its address and takes no more contributions.
process-archived = This process is archived: it can still be read, but takes no more contributions.
process-archived-notice = Process archived.
process-unarchived-notice = Process unarchived.
process-archived-closed = This process is archived: it takes no more contributions.
process-delete-link = Delete “{ $title }”…
process-delete-title = Delete the process
process-delete-intro = Deleting “{ $title }” also erases everything in it:
process-delete-phases = phases: { $count }
process-delete-proposals = proposals: { $count }
process-delete-votes = votes: { $count }
process-delete-registrations = registrations: { $count }
process-delete-responses = survey responses: { $count }
process-delete-images = images: { $count }
process-delete-irreversible = This deletion cannot be undone.
process-delete-type-title = To confirm, type the process's title: { $title }
process-delete-submit = Delete for good
process-delete-error-confirm = The title typed is not the process's: nothing was deleted.
process-deleted = The process “{ $title }” was deleted.
speaker-photo-title = Photo
speaker-photo-alt-hint = Optional: without text, the photo is described by the name “{ $name }”.
## moderation: spelling corrections, duplicates and the moderation log
proposal-corrected = Spelling corrected by the moderators
proposal-original = See the author's original text
proposal-merged = Duplicates merged into this idea: { $count }
proposal-duplicate-title = Idea already proposed
proposal-duplicate = This idea is a duplicate: it was merged into the following idea, which you can vote on.
proposal-duplicate-votes = Votes given to the duplicate stay recorded but do not count in the results.
proposal-duplicate-gone = This idea is a duplicate of an idea that is no longer published.
proposal-moderate = Moderate this idea
moderation-corrected = The text is corrected; the author's original text is kept.
moderation-duplicated = The idea is marked as a duplicate.
moderation-error-unchanged = The text has not changed: correct it or leave it as it is.
moderation-error-not-correctable = Only a pending or published idea can be corrected.
moderation-error-note = The note must not exceed 500 characters.
moderation-error-duplicate-target = Choose the kept idea in the list or type its number.
moderation-error-duplicate-unknown = No idea has this number.
moderation-error-duplicate-itself = An idea cannot be a duplicate of itself.
moderation-error-duplicate-elsewhere = This idea belongs to another consultation: choose an idea of the same consultation.
moderation-error-duplicate-chain = This idea is itself a duplicate: choose the idea it was merged into.
moderation-error-duplicate-unpublished = This idea is not published: choose a published idea.
moderation-duplicate-of = Duplicate of idea no. { $id }:
moderation-public-page = See the idea's public page
moderation-edit-title = Correct the spelling
moderation-edit-hint = The author's original text is kept and the idea is marked "Spelling corrected by the moderators". Votes stay attached to the idea.
moderation-edit-content = Corrected text
moderation-edit-content-hint = 12 to 140 characters, opening included, like a proposed idea.
moderation-note = Note for the log (optional)
moderation-note-hint = 500 characters at most; seen by moderators only.
moderation-edit-submit = Save the correction
moderation-duplicate-title = Mark as a duplicate
moderation-duplicate-hint = The duplicate leaves the voting sequences and the results; its page leads to the kept idea. Its votes stay recorded but do not count.
moderation-duplicate-search = Look for the kept idea (words or number)
moderation-duplicate-search-submit = Search
moderation-duplicate-choose = Kept idea
moderation-duplicate-none = No published idea looks like this one: search with other words or type a number.
moderation-duplicate-number = Or the kept idea's number
moderation-duplicate-number-hint = The number is in the address of the idea's page; it wins over the choice in the list.
moderation-duplicate-submit = Mark as a duplicate
moderation-log-title = Moderation log
moderation-log-action-accept = Published
moderation-log-action-refuse = Refused
moderation-log-action-edit = Corrected
moderation-log-action-duplicate = Duplicate
moderation-log-when = Date
moderation-log-who = Moderator
moderation-log-what = Decision
moderation-log-proposal = Idea
moderation-log-status-before = Status before
moderation-log-reason = Reason
moderation-log-message = Message or note
moderation-log-before = Text (before)
moderation-log-after = Corrected text
moderation-log-kept = Kept idea
moderation-log-themes = Themes
moderation-log-text = Text
moderation-log-kept-link = idea no. { $id }
moderation-log-public = public page
moderation-log-all = All
moderation-log-from = From
moderation-log-to = To
moderation-log-search = Text
moderation-log-apply = Filter
moderation-log-count = Decisions: { $count } (page { $page } of { $pages })
moderation-log-export-csv = Download as CSV
moderation-log-export-xlsx = Download as XLSX
moderation-log-pages = Log pages
moderation-log-previous = Previous page
moderation-log-next = Next page
moderation-log-empty = No decision matches this filter.
moderation-log-error-date = A date is not valid: write it as 2026-11-29.
moderation-log-error-range = The end date is before the start date.
## ideas: "All ideas", search, and what became of an idea
ideas-link = All ideas
ideas-title = All ideas
ideas-title-page = All ideas, page { $page } of { $pages }
ideas-filter = Search and sort the ideas
ideas-search = Words to search for
ideas-search-hint = Accents, capitals and plurals don't matter: "housing" finds "Housing". An idea must contain every word.
ideas-theme = Theme
ideas-all-themes = All themes
ideas-zone = What participants think
ideas-all-zones = Any opinion
ideas-sort = Order
ideas-sort-support = Most supported first
ideas-sort-controversy = Most debated first
ideas-sort-newest = Newest first
ideas-apply = Show
ideas-clear = See all ideas
ideas-count-none = No idea found
ideas-count-one = 1 idea found
ideas-count = { $count } ideas found
ideas-words-ignored = The words searched are too common to sort the ideas: all of them are shown. Try a more precise word, such as "housing" or "school".
ideas-none = No idea has been published in this consultation yet.
ideas-none-filtered = No idea matches. Try fewer words, another word (such as "health" rather than "doctor"), or "All themes" and "Any opinion".
ideas-previous = Previous page
ideas-next = Next page
ideas-page = Page { $page }
ideas-pages = Pages
ideas-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}, { $agree } % agree
ideas-zone-consensus = Consensus
ideas-zone-controversy = Divides opinion
ideas-zone-rejection = Rejected
ideas-zone-limbo = Opinion not settled yet
idea-fate-title = What became of this idea
idea-fate-votes = { $count } votes counted
idea-fate-zone-consensus = A broad majority of the participants who voted agree with this idea, and few oppose it.
idea-fate-zone-controversy = Participants are divided: a sizeable share agrees, another sizeable share does not.
idea-fate-zone-rejection = A broad majority of the participants who voted disagree with this idea.
idea-fate-zone-limbo = We don't know yet what participants think: too few votes, or mostly neutral ones.
idea-fate-same-zone = See the other ideas "{ $zone }"
idea-fate-avenues = Action avenues
idea-fate-avenues-intro = Workshops of the symposium built on this idea to propose these action avenues:
idea-fate-no-avenue = No published action avenue cites this idea yet.
idea-fate-avenue-from = Workshop "{ $workshop }", { $event }
## path: the residents' shortest path (home button, short address, poster, flyer, printable results)
path-home-open-one = Open consultation
path-home-open-many = Open consultations
path-home-give-opinion = Give my opinion
path-home-until = Open until { $date } inclusive
path-home-join-phase = Take part in the current stage
path-poster-link = Poster and flyers to print
path-poster-title = Poster to print
path-poster-intro = An A4 poster with the question, a QR code and the short address that opens the vote directly.
path-flyer-title = Flyers to print
path-flyer-intro = Four flyers per A4 sheet, to cut in four: the question, a QR code and the short address that opens the vote directly.
path-poster-to-flyer = Flyers, four per A4 sheet
path-flyer-to-poster = A4 poster
path-print = Print
path-print-hint = To print, use your browser's Print command (Ctrl+P or ⌘+P).
path-poster-closed = This consultation has ended: the short address now leads to its results.
path-poster-upcoming = This consultation is not open yet: until { $date }, the short address leads to its presentation.
path-poster-kicker = Have your say
path-poster-dates = Consultation open { $range }
path-poster-scan = Scan the code with your phone or type the address:
path-poster-how = Vote on residents' ideas and propose your own, in a few minutes, with no account needed.
path-poster-qr = QR code of the address { $url }
path-short-title = Redirecting
path-short-continue = Continue to the consultation
path-results-print = Print the results
path-results-printed = Results as of { $date }
## scratch: gaps found building a process from an empty database
scratch-session-no-speakers = No speaker yet: add them from the event's page, then come back to link them to this session.
## setup: a process's themes, a consultation's neighbourhoods, the dashboard
themes-title = Themes
themes-manage = Manage themes
themes-intro = The themes of "{ $process }", in the order they are shown. A theme used by proposals, sessions or action avenues cannot be deleted.
themes-none = No theme yet.
themes-add = Add a theme
theme-edit-title = Edit the theme
theme-name = Theme name
theme-colour = Label colour
theme-colour-hint = The label's text (black or white) must stay readable: a contrast of at least 4.5:1 is required (WCAG AA).
theme-colour-none = No colour (light grey)
theme-colour-custom = Or colour code (optional)
theme-colour-custom-hint = For example #0b5394. When filled in, it replaces the choice above.
theme-colour-blue = Blue
theme-colour-green = Green
theme-colour-red = Red
theme-colour-purple = Purple
theme-colour-orange = Burnt orange
theme-colour-teal = Teal
theme-colour-pink = Raspberry
theme-colour-slate = Slate
theme-colour-ratio = Colour { $colour }, contrast { $ratio }:1
theme-unused = not used
theme-edit = Edit "{ $name }"
theme-move-up = Move "{ $name }" up
theme-move-down = Move "{ $name }" down
theme-delete = Delete "{ $name }"
theme-saved = The theme "{ $name }" is saved.
theme-deleted = The theme "{ $name }" is deleted.
theme-error-name = Give the theme a name.
theme-error-name-long = The theme's name must be at most 120 characters.
theme-error-name-taken = This process already has a theme with that name: choose another one.
theme-error-colour = This colour code is not recognised: write it as #0b5394 (or #09c).
theme-error-contrast = With this colour the label's text would not be readable enough: contrast { $ratio }:1, at least 4.5:1 is needed. Choose a darker or lighter colour, or one from the list.
theme-error-in-use = The theme "{ $name }" cannot be deleted: it is used by { $usage }. Remove it from those first, or rename it.
theme-usage-proposals = { $count ->
    [1] 1 proposal
   *[other] { $count } proposals
}
theme-usage-sessions = { $count ->
    [1] 1 session
   *[other] { $count } sessions
}
theme-usage-avenues = { $count ->
    [1] 1 action avenue
   *[other] { $count } action avenues
}
theme-usage-and = and
settings-neighbourhoods-count = { $count ->
    [0] No neighbourhood saved: the profile card will not offer any.
    [1] 1 neighbourhood saved (blank lines and duplicates removed on saving).
   *[other] { $count } neighbourhoods saved (blank lines and duplicates removed on saving).
}
dashboard-title = Participation dashboard
dashboard-link = Participation dashboard
dashboard-link-phase = Dashboard: { $title }
dashboard-definitions = What these figures count
dashboard-participants = Participants
dashboard-proposals = Proposals
dashboard-votes = Votes
dashboard-groups = Neighbourhood and age
dashboard-def-participants = Distinct people who voted or proposed (that day for the daily figures, over the whole consultation for the total); someone voting on several days counts on each of them, but once in the total.
dashboard-def-proposals = Proposals submitted, whatever the moderation decision (pending, published or refused).
dashboard-def-votes = Votes counted in the results (sequence and trusted votes); votes set aside as untrusted are not counted, as in the results. A changed vote counts on the day it was first cast.
dashboard-def-groups = The answer given on the optional profile card by the participants above; "Not given" gathers those who said nothing.
dashboard-per-day = Participation per day
dashboard-totals = In all: { $participants } participants, { $proposals } proposals, { $votes } votes.
dashboard-chart-name = Participants, proposals and votes per day
dashboard-chart-desc = Line chart; the exact values are in the table that follows.
dashboard-timezone = Days counted on { $timezone } time.
dashboard-days-caption = Participants, proposals and votes per day
dashboard-day = Day
dashboard-total = Total
dashboard-no-activity = No participation yet.
dashboard-by-neighbourhood = Participation by neighbourhood
dashboard-coverage = { $covered ->
    [one] { $covered } neighbourhood out of { $total } took part
   *[other] { $covered } neighbourhoods out of { $total } took part
}
dashboard-missing = { $count ->
    [1] Neighbourhood with no participant:
   *[other] Neighbourhoods with no participant ({ $count }):
}
dashboard-no-neighbourhoods = This consultation offers no neighbourhood (see its settings).
dashboard-hoods-caption = Participants by neighbourhood
dashboard-neighbourhood = Neighbourhood
dashboard-by-age = Participation by age bracket
dashboard-ages-caption = Participants by age bracket
dashboard-age = Age bracket
dashboard-not-said = Not given
dashboard-exports = Download the figures
dashboard-csv = CSV spreadsheet
dashboard-xlsx = Excel workbook (XLSX)
dashboard-section = Section
dashboard-label = Label
