//! [`Shared`]: an `Rc` that compares by address.
//!
//! Yew compares a component's props with `PartialEq` on every render of its
//! parent, to decide whether to render it again. An `Rc<Estimate>` compares
//! by content: for a list of 100,000 accounts that is every field of every
//! account, on every render, and a pasted list of 10 MB compares byte by
//! byte. The list, the import and the estimate are replaced, never changed in
//! place, so a new value is always a new pointer and comparing addresses is
//! both right and instant.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A shared, immutable value whose equality is identity.
pub struct Shared<T: ?Sized>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> Shared<T> {
    /// The `Rc` inside.
    pub fn rc(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Shared<T> {
        Shared(rc)
    }
}

impl From<&str> for Shared<str> {
    fn from(text: &str) -> Shared<str> {
        Shared(Rc::from(text))
    }
}

impl From<String> for Shared<str> {
    fn from(text: String) -> Shared<str> {
        Shared(Rc::from(text))
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
