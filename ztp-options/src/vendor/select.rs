//! Which vendor's rules explain a reply (G1, G3, RA1): the vendor the
//! user names, else the one the client's own request names, else the
//! reply alone's guess; then that vendor's plan.
//!
//! [`select_v4`] and [`select_v6`] are the entry points a capture reader
//! calls with the reply and, when it saw one, the request of the same
//! client and transaction (G3); [`resolve_as_v4`] / [`resolve_as_v6`] then
//! resolve it by that vendor's rules. For a Juniper reply whose request
//! names Juniper this costs [`resolve_v4`]'s count and a comparison: no
//! guess is made, nothing is allocated.
//!
//! ```
//! use ztp_options::v4::Lease;
//! use ztp_options::vendor::{By, Resolution, Vendor, resolve_as_v4, select_v4};
//! use ztp_options::samples;
//!
//! let lease = Lease::parse(samples::V4_ACK)?;
//! let selected = select_v4(&lease, Some(Vendor::Juniper), None);
//! assert_eq!((selected.vendor, selected.by), (Vendor::Juniper, By::Request));
//! let resolution = resolve_as_v4(selected.vendor, &lease);
//! assert!(matches!(resolution, Resolution::Juniper(Ok(_))));
//! # Ok::<(), ztp_options::DecodeError>(())
//! ```

use super::{Guess, Vendor, VendorPlan, guess_v4, guess_v6, plan_v4, plan_v6};
use crate::{CannotProceed, Plan, resolve_v4, resolve_v6, v4, v6};

/// How the vendor was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum By {
    /// The user named it (`--vendor`).
    User,
    /// The client's own request named it (G1).
    Request,
    /// The reply alone (RA1..RA3): see the guess.
    Reply,
}

impl By {
    /// The stable name: `user`, `request`, `reply`.
    pub const fn as_str(self) -> &'static str {
        match self {
            By::User => "user",
            By::Request => "request",
            By::Reply => "reply",
        }
    }
}

/// The vendor whose rules explain a reply, and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Selected {
    /// The vendor.
    pub vendor: Vendor,
    /// How it was decided.
    pub by: By,
    /// The reply alone's guess, when it decided (or when the request named
    /// no vendor).
    pub guess: Option<Guess>,
}

/// A reply resolved by its vendor's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
// Juniper's plan stays inline: its path allocates nothing (the entry
// point's cost is resolve_v4's plus a comparison).
#[allow(clippy::large_enum_variant)]
pub enum Resolution<'a> {
    /// Juniper's plan (R1..R35), as [`resolve_v4`]/[`resolve_v6`] give it.
    Juniper(Result<Plan<'a>, CannotProceed>),
    /// Another vendor's plan.
    Other(VendorPlan),
    /// A vendor whose rules for this family are not built here (NVOS's
    /// plan, CU8); the caller says so.
    Unknown(Vendor),
}

/// The vendor of a reply: `user`'s, else `request`'s (the vendor the
/// client's own message names, G1), else the reply's guess.
fn decide(
    user: Option<Vendor>,
    request: Option<Vendor>,
    guess: impl FnOnce() -> Guess,
) -> Selected {
    if let Some(vendor) = user {
        return Selected {
            vendor,
            by: By::User,
            guess: None,
        };
    }
    if let Some(vendor) = request {
        return Selected {
            vendor,
            by: By::Request,
            guess: None,
        };
    }
    let guess = guess();
    Selected {
        vendor: guess.vendor(),
        by: By::Reply,
        guess: Some(guess),
    }
}

/// Selects the vendor of a DHCPv4 reply: `user`'s, else `request`'s (the
/// vendor the client's request named, when the caller saw that request
/// and it named one, G3: the same `xid` and `chaddr`), else the reply's
/// guess (RA1). Cheap when a vendor is given: no guess is made.
pub fn select_v4(lease: &v4::Lease<'_>, request: Option<Vendor>, user: Option<Vendor>) -> Selected {
    decide(user, request, || guess_v4(lease))
}

/// As [`select_v4`], for a DHCPv6 reply (G3: the same transaction id and
/// client DUID).
pub fn select_v6(lease: &v6::Lease<'_>, request: Option<Vendor>, user: Option<Vendor>) -> Selected {
    decide(user, request, || guess_v6(lease))
}

/// Resolves a DHCPv4 reply by `vendor`'s rules: Juniper's
/// [`resolve_v4`], another vendor's [`plan_v4`].
pub fn resolve_as_v4<'l>(vendor: Vendor, lease: &'l v4::Lease<'_>) -> Resolution<'l> {
    match vendor {
        Vendor::Juniper => Resolution::Juniper(resolve_v4(lease)),
        v => plan_v4(v, lease).map_or(Resolution::Unknown(v), Resolution::Other),
    }
}

/// As [`resolve_as_v4`], for a DHCPv6 reply.
pub fn resolve_as_v6<'a>(vendor: Vendor, lease: &v6::Lease<'a>) -> Resolution<'a> {
    match vendor {
        Vendor::Juniper => Resolution::Juniper(resolve_v6(lease)),
        v => plan_v6(v, lease).map_or(Resolution::Unknown(v), Resolution::Other),
    }
}
