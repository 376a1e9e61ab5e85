//! One file per component. Components render state and send actions; they
//! compute nothing themselves.

pub mod footer;
pub mod header;
