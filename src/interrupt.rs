//! Ctrl-C, caught for the commands that stop cleanly on it: they ask whether it was
//! pressed and stop with [`Error::Interrupted`](crate::error::Error::Interrupted), through
//! the one exit path that flushes what was written and restores the terminal.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Catches Ctrl-C from now on, instead of letting it end the process at once.
pub fn catch() {
    // A second call finds the handler set; that is fine, it is the same handler.
    let _ = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed since [`catch`].
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
