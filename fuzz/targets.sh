# The fuzz targets and their dictionaries, for fuzz/run.sh and
# fuzz/campaign.sh (sourced, not run).

# The decoders (issue 29: 100 M executions each on the code that ships).
decoders=(v4_message v4_option43 v6_message v6_option17 v6_option59 sztp_redirect
    pnp_string plain_tlv vendor_identity vendor_sniff poap_items xr_items central_csv
    huawei_server huawei_pairs)
# Every other target (10 M each).
others=(plan_v4 plan_v6 vendor_plans vendor_offers client_messages fetch_url sniff
    cli_input explain agent_events v4_dhcproto_diff v6_dhcproto_diff)
# The targets that reach dependencies' unsafe code (pcap-parser, nom, memchr):
# also 10 M under the address sanitizer.
asan_targets=(cli_input explain)

# The dictionary of a target.
dict() {
    case "$1" in
        sniff) echo dict/sniff.dict ;;
        fetch_url|cli_input) echo dict/url.dict ;;
        v6_*|plan_v6) echo dict/v6.dict ;;
        sztp_redirect) echo dict/sztp.dict ;;
        pnp_string) echo dict/pnp.dict ;;
        central_csv|huawei_server|huawei_pairs) echo dict/vendor_text.dict ;;
        *) echo dict/v4.dict ;;
    esac
}
