//! The one macro for open wire codes (option codes, suboption codes,
//! message types): a newtype over the wire integer with an associated
//! constant per known code.
//!
//! Any value is a valid code, so decoding never fails on an unknown one and
//! it re-encodes to the same bytes; and since the type is the integer,
//! equality is canonical (`OptionCode::new(43) == OptionCode::VENDOR_SPECIFIC`).
//! The constants work as `match` patterns.

/// Declares `pub struct $name($repr)` with an associated `const` per known
/// code, `new`/`get`, `name()` for the known ones, `From` both ways,
/// `Display` (the number), a `Debug` that names known codes, and serde
/// (as the number) and arbitrary impls behind their features.
macro_rules! open_code {
    (
        $(#[$outer:meta])*
        $name:ident($repr:ty) {
            $( $(#[$doc:meta])* $konst:ident = $value:literal, )*
        }
    ) => {
        $(#[$outer])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name($repr);

        impl $name {
            $( $(#[$doc])* pub const $konst: $name = $name($value); )*

            /// The code for a wire value (any value is a code).
            pub const fn new(value: $repr) -> Self {
                $name(value)
            }

            /// The wire value.
            pub const fn get(self) -> $repr {
                self.0
            }

            /// The name of a known code (its constant's name), `None` for
            /// any other.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $( $value => Some(stringify!($konst)), )*
                    _ => None,
                }
            }

            /// Whether this crate names the code.
            pub const fn is_known(self) -> bool {
                self.name().is_some()
            }
        }

        impl From<$repr> for $name {
            fn from(value: $repr) -> Self {
                $name(value)
            }
        }

        impl From<$name> for $repr {
            fn from(value: $name) -> $repr {
                value.0
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(&self.0, f)
            }
        }

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => write!(f, "{}::{}", stringify!($name), name),
                    None => write!(f, "{}({})", stringify!($name), self.0),
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                Ok($name(u.arbitrary()?))
            }
        }
    };
}

pub(crate) use open_code;

#[cfg(test)]
mod tests {
    open_code! {
        /// A test code.
        Demo(u8) {
            /// One.
            ONE = 1,
            /// Two.
            TWO = 2,
        }
    }

    #[test]
    fn equality_is_canonical_and_codes_work_as_patterns() {
        assert_eq!(Demo::new(1), Demo::ONE);
        assert_ne!(Demo::new(3), Demo::TWO);
        assert_eq!(Demo::new(200).get(), 200);
        assert_eq!(Demo::ONE.name(), Some("ONE"));
        assert_eq!(Demo::new(9).name(), None);
        assert_eq!(
            alloc::format!("{:?} {:?}", Demo::TWO, Demo::new(9)),
            "Demo::TWO Demo(9)"
        );
        let which = match Demo::new(2) {
            Demo::ONE => 1,
            Demo::TWO => 2,
            _ => 0,
        };
        assert_eq!(which, 2);
    }
}
