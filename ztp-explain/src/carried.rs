//! Everything a reply carries, whatever the verdict (R34): the values of a
//! reply the rules refuse, each decoded on its own (ztp-options'
//! `contents_v4`/`contents_v6`), with the error of each value that does
//! not decode. Built only for such a reply; a reply with a plan shows the
//! plan.

use ztp_options::{
    CannotProceed, ContentsV4, ContentsV6, DecodeError, ImageType, Value, VendorContents,
    contents_v4, contents_v6, v4, v6,
};

/// A value's error: its rule, sentence and offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldError {
    pub(crate) rule: String,
    pub(crate) message: String,
    pub(crate) offset: usize,
}

impl FieldError {
    pub(crate) fn new(e: &DecodeError, input: &[u8]) -> Self {
        FieldError {
            rule: CannotProceed::Malformed(*e).rule().to_string(),
            message: e.display_in(input).to_string(),
            offset: e.place().offset(),
        }
    }
}

/// A value as text, or its error.
pub(crate) type Field<T> = Option<Result<T, FieldError>>;

/// A file name: the name, where it came from, and (an image) whether it
/// names a symbolic link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    pub(crate) name: String,
    pub(crate) source: &'static str,
    pub(crate) symlink: Option<bool>,
}

/// The values of a reply the rules refuse, as people read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Carried {
    pub(crate) transfer_mode: Field<String>,
    /// The address and the option it came from.
    pub(crate) file_server: Field<(String, &'static str)>,
    pub(crate) image: Field<Name>,
    pub(crate) config: Field<Name>,
    pub(crate) ntp_servers: Field<Vec<String>>,
    pub(crate) syslog_servers: Field<Vec<String>>,
    pub(crate) hostname: Field<String>,
    pub(crate) proxy: Field<String>,
    /// The suboptions ZTP does not know (code, value), in order.
    pub(crate) unknown: Vec<(u16, Vec<u8>)>,
    /// What the reply carries that this workflow does not read (R33):
    /// option 67, `siaddr`, `sname`, `file`, as sentences with their rule.
    pub(crate) not_read: Vec<String>,
}

fn field<T, U>(v: Value<T>, input: &[u8], f: impl FnOnce(T) -> Result<U, DecodeError>) -> Field<U> {
    v.map(|r| r.and_then(f).map_err(|e| FieldError::new(&e, input)))
}

fn text(t: ztp_options::Text<'_>) -> Result<String, DecodeError> {
    t.as_str().map(str::to_owned)
}

fn list(l: v4::Ipv4List<'_>) -> Result<Vec<String>, DecodeError> {
    Ok(l.iter().map(|a| a.to_string()).collect())
}

/// The names, mode and proxy of a vendor option (43, or 17 of 2636).
fn vendor(c: &mut Carried, v: &VendorContents<'_>, input: &[u8]) {
    let symlink = match v.image_type() {
        Some(Ok(t)) => Some(t == ImageType::Symlink),
        _ => Some(false),
    };
    c.image = match (v.image(), v.alt_image()) {
        (Some(i), _) => field(Some(i), input, text).map(|r| {
            r.map(|name| Name {
                name,
                source: "suboption-00",
                symlink,
            })
        }),
        (None, Some(a)) => field(Some(a), input, text).map(|r| {
            r.map(|name| Name {
                name,
                source: "suboption-04",
                symlink,
            })
        }),
        (None, None) => None,
    };
    c.config = field(v.config(), input, text).map(|r| {
        r.map(|name| Name {
            name,
            source: "suboption-01",
            symlink: None,
        })
    });
    c.transfer_mode = field(v.transfer_mode(), input, |m| Ok(m.as_str().to_owned()));
    c.proxy = field(v.proxy(), input, text);
    c.unknown = v
        .unknown()
        .map(|i| (i.code.get(), i.value.to_vec()))
        .collect();
}

/// The values of a DHCPv4 reply.
pub(crate) fn v4(lease: &v4::Lease<'_>, input: &[u8]) -> Carried {
    let contents: ContentsV4<'_> = contents_v4(lease);
    let mut c = Carried::default();
    if let Some(v) = contents.option43() {
        vendor(&mut c, &v, input);
    }
    if c.transfer_mode.is_none() && contents.option43().is_some() {
        // R11: no suboption 03 is TFTP.
        c.transfer_mode = Some(Ok("tftp".to_owned()));
    }
    c.file_server = match contents.tftp_server_addresses() {
        Some(Ok(l)) => Some(Ok((l.first().to_string(), "option-150"))),
        Some(Err(e)) => Some(Err(FieldError::new(&e, input))),
        None => field(contents.tftp_server_address(), input, |a| {
            Ok((a.to_string(), "option-66"))
        }),
    };
    c.ntp_servers = field(contents.ntp_servers(), input, list);
    c.syslog_servers = field(contents.log_servers(), input, list);
    c.hostname = field(contents.host_name(), input, text);
    let shown = |b: &[u8]| format!("{:?}", String::from_utf8_lossy(b));
    if let Some(v) = contents.boot_file_name() {
        c.not_read
            .push(format!("option 67 (boot file name) {} [R33]", shown(v)));
    }
    if let Some(a) = contents.siaddr() {
        c.not_read.push(format!("siaddr {a} [R13]"));
    }
    if let Some(v) = contents.sname() {
        c.not_read.push(format!("sname {} [R33]", shown(v)));
    }
    if let Some(v) = contents.file() {
        c.not_read.push(format!("file {} [R33]", shown(v)));
    }
    if let Some(after) = contents.after_end() {
        c.not_read.push(format!(
            "{} bytes after the message's end option, at byte {} [R2]",
            after.len, after.offset
        ));
    }
    c
}

/// The values of a DHCPv6 reply.
pub(crate) fn v6(lease: &v6::Lease<'_>, input: &[u8]) -> Carried {
    let contents: ContentsV6<'_> = contents_v6(lease);
    let mut c = Carried::default();
    if let Some(v) = contents.juniper() {
        vendor(&mut c, &v, input);
    }
    match contents.boot_file_url() {
        Some(Ok(url)) => {
            c.file_server = Some(Ok((url.server().to_string(), "option-59")));
            if c.transfer_mode.is_none() {
                c.transfer_mode = Some(Ok(url.transfer_mode().as_str().to_owned()));
            }
            if c.image.is_none()
                && let Some(path) = url.image()
            {
                c.image = Some(Ok(Name {
                    name: path.to_owned(),
                    source: "option-59",
                    symlink: Some(false),
                }));
            }
        }
        Some(Err(e)) => c.file_server = Some(Err(FieldError::new(&e, input))),
        None => {}
    }
    c
}
