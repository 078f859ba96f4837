//! The servers the examples run, in a library so that tests start the very
//! same ones.

pub mod users;
