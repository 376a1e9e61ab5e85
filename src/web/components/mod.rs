//! One file per component. Components render state and send actions; the
//! figures they show come from the core.

pub mod account_table;
pub mod assumptions_panel;
pub mod by_platform;
pub mod chart;
pub mod diagnostics_panel;
pub mod exports;
pub mod footer;
pub mod header;
pub mod headline;
pub mod input_panel;
pub mod notice_bar;
pub mod plan_editor;
pub mod plans;
pub mod structure;
pub mod unmatched;
