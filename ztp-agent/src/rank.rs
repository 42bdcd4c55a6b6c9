//! R29: the order ZTP tries the bindings a device holds. A workflow step,
//! so it is the agent's, not the codec's.

use ztp_options::{CannotProceed, Family, PlanBuf};

/// One binding a device holds: an interface (any type the caller uses to
/// name it), its family and what resolving its lease gave.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Agent, Config, Event};
/// use ztp_options::{Family, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// let binding = &agent.bindings()[0];
/// assert_eq!(binding.family, Family::V4);
/// let plan = binding.outcome.as_ref().unwrap(); // a PlanBuf
/// assert!(plan.is_complete()); // image, config and file server (R29)
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<I> {
    /// The interface.
    pub interface: I,
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The plan, or why ZTP cannot proceed on it.
    /// (Owned: a binding outlives the reply it was resolved from.)
    pub outcome: Result<PlanBuf, CannotProceed>,
}

/// R29: the order ZTP tries bindings in. Those with everything (image,
/// config, file server) first, DHCPv4 before DHCPv6; then the other plans,
/// DHCPv4 before DHCPv6; cannot-proceed bindings last. Equal ones keep their
/// input order (the sort is stable). Returns indices into `bindings`.
///
/// ```
/// use ztp_agent::{Binding, rank};
/// use ztp_options::{CannotProceed, Family};
///
/// let bindings = [
///     Binding { interface: "em0", family: Family::V6, outcome: Err(CannotProceed::NoBootFileUrl) },
///     Binding { interface: "em1", family: Family::V4, outcome: Err(CannotProceed::NoFileServer) },
/// ];
/// // Both cannot proceed: DHCPv4 first.
/// assert_eq!(rank(&bindings), [1, 0]);
/// ```
#[must_use]
pub fn rank<I>(bindings: &[Binding<I>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bindings.len()).collect();
    order.sort_by_key(|&i| {
        bindings.get(i).map_or((3, 1), |b| {
            let tier = match &b.outcome {
                Ok(plan) if plan.is_complete() => 0,
                Ok(_) => 1,
                Err(_) => 2,
            };
            (tier, u8::from(b.family == Family::V6))
        })
    });
    order
}
