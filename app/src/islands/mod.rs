//! The only code shipped to the browser: small interactive islands inside
//! server-rendered pages. Their texts come from the server as props, so the
//! browser needs no translation files and never shows another language.

mod checkin_scanner;
mod live_figures;
mod live_room;
mod password_toggle;
mod print_button;
mod video_player;
pub mod vote_sequence;

pub use checkin_scanner::{CheckInScanner, ScanLabels};
pub use live_figures::{FigureLabels, LiveFigures};
pub use live_room::{LiveRoom, RoomForms, RoomLabels};
pub use password_toggle::PasswordToggle;
pub use print_button::PrintButton;
pub use video_player::VideoPlayer;
pub use vote_sequence::{NetworkTexts, VoteSequence};
