//! DHCPv6: option 17 (vendor-specific information, enterprise 2636), option
//! 59 (boot file URL), options 15 and 16, and the message view with relays.
