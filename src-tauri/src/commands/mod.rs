//! The commands the window may call: each unpacks its arguments, calls one
//! core function and returns its result or an [`crate::error::AppError`].

pub mod backup;
pub mod decide;
pub mod export;
pub mod groups;
pub mod handoff;
pub mod import;
pub mod links;
pub mod people;
pub mod vault;
pub mod words;
