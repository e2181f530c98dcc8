//! The consultation component: proposals, votes, sequences and results.
//! So far its pure logic (scoring, zones, sequence selection, similarity).

pub mod logic;
