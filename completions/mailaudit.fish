# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mailaudit_global_optspecs
    string join \n resolver= zone= trust-anchor= no-dnssec timeout= budget= dns-concurrency= qps= format= color= fail-on= q/quiet ca-file= config= no-ignore mta-sts-port= h/help V/version
end

function __fish_mailaudit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mailaudit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mailaudit_using_subcommand
    set -l cmd (__fish_mailaudit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mailaudit -n "__fish_mailaudit_needs_command" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "check" -d 'Audit everything about a domain\'s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "spf" -d 'Audit a domain\'s SPF policy, or evaluate it for a client IP (`spf eval`)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "mta-sts" -d 'Audit a domain\'s MTA-STS record and policy, fetched as a sender does (RFC 8461)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "tlsrpt" -d 'Audit a domain\'s TLS-RPT record (RFC 8460)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "dkim" -d 'Audit a domain\'s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "dmarc" -d 'Audit a domain\'s DMARC policy: the record that applies, the tree walk, the effective policy'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "bimi" -d 'Audit a domain\'s BIMI record and the DMARC policy it needs'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "mx" -d 'Audit where a domain\'s mail goes: MX hosts by preference, their addresses, reverse DNS'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "dnssec" -d 'Show a domain\'s DNSSEC chain of trust: each zone from the anchor down, its DS and DNSKEY records, signatures and days left, and whether the domain\'s answers validate'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "probe" -d 'Probe a domain\'s MX hosts live over SMTP and STARTTLS, as a sending server meets them'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "clients" -d 'Check the endpoints users\' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "diff" -d 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "report" -d 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain\'s findings, records and MX hosts'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "verify" -d 'Explain why a received message passed or failed SPF, DKIM, DMARC and ARC, and write the result as an Authentication-Results field'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "lint" -d 'Lint a record given as text, before publishing it'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "generate" -d 'Build a record from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a parked domain), ready to publish: zone-file lines, and the files to serve'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "fix" -d 'Propose the records that clear what `check --no-probe` finds for a domain, the files to serve, and the work only a person can do; changes nothing anywhere'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "explain" -d 'Explain a finding code, or list every code'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "generate-docs" -d 'Regenerate the committed completions and man page (for maintainers)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l domains-file -d 'Also check the domains in this file, one per line (# comments and blank lines are skipped); - reads standard input. A domain whose lookups failed and a line that is not a domain are then data in their results, not a failed run (exit status 2 only when the run cannot go on)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l jobs -d 'Domains checked at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l shard -d 'Check only entry I of every N (entries numbered from 0), to split a list across machines; auto takes I from the job engine\'s environment (Kubernetes, Slurm, AWS Batch, Google Cloud Batch) and N from it too or from --shards' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l shards -d 'The number of shards for --shard auto where the job engine does not say it (Kubernetes, AWS Batch); where it does, the two must agree' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l output -d 'Write the results to FILE.partial, renamed to FILE once every domain has its result (an interrupted or failed run leaves FILE.partial, never FILE); nothing goes to stdout' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l selector -d 'A DKIM selector to check (repeatable); without one, common selectors are tried' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l state -d 'A DKIM rotation state file whose selectors are tried too (default: the user\'s, if any)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l bimi-selector -d 'The BIMI selector' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l probe-port -d 'A port to probe on every MX address (repeatable; 465 speaks TLS first)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l now -d 'Act as if today were DATE (YYYY-MM-DD) for the config file\'s [[ignore]] until dates, for planning and tests' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l at -d 'Judge the probed certificates\' expiry and DANE-TA chains as of DATE (YYYY-MM-DD, midnight UTC) instead of now' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l resume -d 'With --output and --format jsonl or csv: do nothing when FILE exists; else keep the whole results in FILE.partial, check only the domains it has none for, and finish FILE'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l parked -d 'The domains send no mail: they should publish "v=spf1 -all" and DMARC p=reject'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l no-probe -d 'Do not connect to the MX hosts (outbound port 25 is often blocked from home and cloud networks); DNS only'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l clients -d 'Also check the endpoints users\' mail programs reach: submission, IMAP and POP3 from the RFC 6186 SRV records, probed live'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand check" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -a "eval" -d 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l ip -d 'The connecting client\'s IP address' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l mail-from -d 'The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l helo -d 'The HELO/EHLO name (checked itself when no --mail-from is given)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l receiver -d 'The receiving host\'s name, for %{r} in explanations' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l trace -d 'Show every term evaluated and every DNS query made'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from help" -f -a "eval" -d 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mta-sts" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand tlsrpt" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l selector -d 'Selector to audit (repeatable); without one, widely used selectors are tried' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l state -d 'Rotation state file whose selectors discovery tries too [default: the user\'s]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "keygen" -d 'Generate a key pair and the TXT record to publish'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "verify-published" -d 'Check that the published key is the public half of a private key file'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "rotate" -d 'Rotate a domain\'s keys: make the next key, activate it once published, revoke old ones'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "status" -d 'Say what rotation work is due (for cron: exit 1 when something is due)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "sign" -d 'Sign a message: write it to stdout with a DKIM-Signature field on top'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and not __fish_seen_subcommand_from keygen verify-published rotate status sign help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l domain -d 'The signing domain (d=)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l selector -d 'The selector (s=) the key is published under' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l algorithm -r -f -a "rsa\t''
ed25519\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l bits -d 'RSA key size: 1024, 2048, 3072 or 4096 (less than 1024 is refused)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l out -d 'Directory to write the key and TXT files to [default: the current directory]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l hash -d 'Restrict the key to this hash (h=)' -r -f -a "sha256\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l service -d 'Restrict the key to this service (s=)' -r -f -a "email\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l testing -d 'Publish with t=y (testing: verifiers treat signed mail like unsigned)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from keygen" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l domain -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l selector -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l key -d 'The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from verify-published" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l domain -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l selector -d 'Selector for the next key instead of the template\'s' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l exec -d 'Command to run through `sh -c` after activation (e.g. reload the signer)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l exec-timeout -d 'Seconds --exec may run before it is killed (1 to 86400)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l state -d 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l now -d 'Act as if today were DATE (YYYY-MM-DD), for planning and tests' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l interval -d 'Days between rotations [default: 90]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l overlap -d 'Days a replaced key stays published before it is revoked [default: 7]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l template -d 'Selector template: {year}, {quarter}, {month}, {alg} [default: s{year}q{quarter}]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l key-dir -d 'Directory for the domain\'s keys [default: keys/DOMAIN beside the state file]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l algorithm -d 'Key algorithm(s) to rotate (repeat for RSA and Ed25519 side by side) [default: rsa]' -r -f -a "rsa\t''
ed25519\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l bits -d 'RSA key size [default: 2048]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l activate -d 'Activate the pending key once its record is published and matches'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l revoke -d 'Revoke retiring keys past their overlap once the empty record is published'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l verify-signing -d 'Before activating, sign a test message with each pending key and verify it through DNS; a key that does not verify is not activated'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l domain -d 'Only this domain of the state (repeatable); default: every domain' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l state -d 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l now -d 'Act as if today were DATE (YYYY-MM-DD), for planning and tests' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l key -d 'The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l domain -d 'The signing domain (d=)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l selector -d 'The selector (s=) the key\'s record is published under' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l canonicalization -d 'Header and body canonicalization (c=)' -r -f -a "relaxed/relaxed\t''
relaxed/simple\t''
simple/relaxed\t''
simple/simple\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l expire -d 'Days until the signature expires (x=); none by default' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l header -d 'A field to sign (repeatable), each copy present, From always and once more [default: From, To, Cc, Subject, Date, Message-ID, In-Reply-To, References, MIME-Version, Content-Type, Content-Transfer-Encoding]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "keygen" -d 'Generate a key pair and the TXT record to publish'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "verify-published" -d 'Check that the published key is the public half of a private key file'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Rotate a domain\'s keys: make the next key, activate it once published, revoke old ones'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say what rotation work is due (for cron: exit 1 when something is due)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a message: write it to stdout with a DKIM-Signature field on top'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dkim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l selector -d 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand mx" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dnssec" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l host -d 'Probe this host instead of the domain\'s MX hosts: a name (looked up), an address, with a port that overrides --port (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l port -d 'Port to probe (repeatable or comma-separated): 25 (relay), 587 and 2525 (STARTTLS), 465 (implicit TLS)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l implicit-tls-port -d 'A port that speaks TLS from the first byte instead of STARTTLS (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l ehlo -d 'The name to give in EHLO (default: this machine\'s host name)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l jobs -d 'Sessions at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l deadline -d 'Seconds the whole probe may take: sessions that start late get what is left, and those whose turn comes after it are not started (counted in smtp-probe-deadline)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l at -d 'Judge certificate expiry and DANE-TA chains as of DATE (YYYY-MM-DD, midnight UTC) instead of now, to see an expiry or a key rollover break before it happens' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l rcpt-test -d 'Also send MAIL FROM:<> and RCPT TO:<postmaster@DOMAIN>, then RSET, to see whether postmaster is accepted (no message is sent)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l transcript -d 'Show the SMTP dialogue (sent and received lines, the TLS handshake summarised)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand probe" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l host -d 'A host to probe on the standard ports when the domain publishes no SRV record (repeatable): a name or an address' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l service -d 'Only these services (repeatable or comma-separated)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l port -d 'Probe a service on this port at --host hosts instead of its standard ports (repeatable), e.g. imaps=10993' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l ehlo -d 'The name to give in EHLO to submission servers (default: this machine\'s host name)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l jobs -d 'Sessions at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l transcript -d 'Show each dialogue (sent and received lines, the TLS handshake summarised)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand clients" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand diff" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -s o -l output -d 'Write the page to FILE (made whole beside it, then renamed into place); without it, to standard output' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l baseline -d 'An earlier run\'s results: the page gets a "What changed" section, as `diff` sees it' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l max-domains -d 'List at most N domains in the table and sections of a page of many: those with the most errors, then warnings (the summary counts every one); 0 lists them all' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l now -d 'Count days to certificate expiry from DATE (YYYY-MM-DD) instead of today' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand report" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l ip -d 'The connecting client\'s IP address, for SPF' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l mail-from -d 'The MAIL FROM address ("" for the null sender) [default: the Return-Path field\'s]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l helo -d 'The HELO/EHLO name the client gave' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l trusted-host -d 'The receiving MTA\'s name (repeatable): without --ip, SPF is checked for the client of the topmost Received field it added' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand verify" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "mta-sts" -d 'Lint an MTA-STS TXT record (_mta-sts) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "mta-sts-policy" -d 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "tlsrpt" -d 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "dkim" -d 'Lint a DKIM key record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf mta-sts mta-sts-policy tlsrpt dkim dmarc bimi help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l resolve -d 'Follow include and redirect through DNS to count lookups across the whole tree'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from mta-sts-policy" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from tlsrpt" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dkim" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "mta-sts" -d 'Lint an MTA-STS TXT record (_mta-sts) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "mta-sts-policy" -d 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "tlsrpt" -d 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "dkim" -d 'Lint a DKIM key record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "spf" -d 'The SPF record: who may send the domain\'s mail'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "dmarc" -d 'The DMARC record, and the authorization records external report addresses need'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "mta-sts" -d 'The MTA-STS record and the policy file to serve'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "tlsrpt" -d 'The TLS-RPT record: where senders report TLS failures'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "bimi" -d 'The BIMI record: the logo mail programs may show'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "parked" -d 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and not __fish_seen_subcommand_from spf dmarc mta-sts tlsrpt bimi parked help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l include -d 'Also the senders another domain\'s SPF record names, e.g. a mail provider\'s (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l ip4 -d 'An IPv4 network or address that sends mail, e.g. 192.0.2.0/24 (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l ip6 -d 'An IPv6 network or address that sends mail, e.g. 2001:db8::/32 (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l all -d 'What mail from anywhere else gets: fail (-all) or softfail (~all)' -r -f -a "fail\t''
softfail\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l mx -d 'The domain\'s MX hosts send mail (mx)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l a -d 'The domain\'s own addresses send mail (a)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from spf" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l policy -d 'What receivers do with mail that fails DMARC' -r -f -a "none\t''
quarantine\t''
reject\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l rua -d 'Where aggregate reports go: an address or a mailto: URI (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l ruf -d 'Where failure reports go: an address or a mailto: URI (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l sp -d 'The policy for existing subdomains [default: --policy]' -r -f -a "none\t''
quarantine\t''
reject\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l np -d 'The policy for subdomains that do not exist [default: --sp]' -r -f -a "none\t''
quarantine\t''
reject\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l adkim -d 'DKIM alignment: r (relaxed, the default) or s (strict)' -r -f -a "r\t''
s\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l aspf -d 'SPF alignment: r (relaxed, the default) or s (strict)' -r -f -a "r\t''
s\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l testing -d 'Test mode (t=y): receivers apply the policy one step below'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from dmarc" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l mode -d 'testing: report failures, deliver anyway; enforce: deliver only over validated TLS; none: withdraw the policy' -r -f -a "testing\t''
enforce\t''
none\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l mx -d 'The MX hosts senders may deliver to, or patterns *.example.com (several, or repeated)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l max-age -d 'Seconds senders keep the policy' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l id -d 'The record\'s id, 1 to 32 letters and digits [default: the UTC time, YYYYMMDDHHMMSS]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l out -d 'Also write the policy file under DIR, as DIR/mta-sts.DOMAIN/.well-known/mta-sts.txt (never over an existing file)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from mta-sts" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l rua -d 'Where reports go: an address, a mailto: URI or an https: URL (several, or repeated)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from tlsrpt" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l logo -d 'The logo: an https:// URL of an SVG file' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l authority -d 'The mark certificate (VMC or CMC): an https:// URL of a PEM file' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l selector -d 'The selector the record is published under' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from bimi" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l domain -d 'The domain the records are for' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l rua -d 'Ask for DMARC aggregate reports here, to see who sends mail in the domain\'s name (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from parked" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "spf" -d 'The SPF record: who may send the domain\'s mail'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "dmarc" -d 'The DMARC record, and the authorization records external report addresses need'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "mta-sts" -d 'The MTA-STS record and the policy file to serve'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "tlsrpt" -d 'The TLS-RPT record: where senders report TLS failures'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "bimi" -d 'The BIMI record: the logo mail programs may show'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "parked" -d 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l rua -d 'Where DMARC and TLS-RPT aggregate reports go (default: dmarc-reports@DOMAIN and tls-reports@DOMAIN)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l include -d 'For a new SPF record: also the senders another domain\'s SPF record names (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l ip4 -d 'For a new SPF record: an IPv4 network or address that sends mail (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l ip6 -d 'For a new SPF record: an IPv6 network or address that sends mail (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l keep -d 'Never flatten this include when bringing SPF under 10 lookups (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l selector -d 'A DKIM selector to check (repeatable); without one, common selectors are tried' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l out -d 'Write the files to serve under DIR, a web root per host (DIR/mta-sts.DOMAIN/...), and, when the domain has no usable DKIM key, a new key and its record in DIR itself; never over an existing file' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l mta-sts-id -d 'The id of a new MTA-STS record, 1 to 32 letters and digits [default: the UTC time, YYYYMMDDHHMMSS]' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l ttl -d 'TTL of the records, in seconds' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l parked -d 'The domain sends and receives no mail: null MX, "v=spf1 -all", DMARC p=reject'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l softfail -d 'End SPF records with ~all (softfail) instead of -all'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand fix" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l trust-anchor -d 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root\'s anchors: for private roots and lab zones' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l timeout -d 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l qps -d 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'
csv\t'`check` only: one row per domain (RFC 4180), after a header row'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l ca-file -d 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l config -d 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l mta-sts-port -d 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l no-dnssec -d 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l no-ignore -d 'Show and count every finding: the config file\'s [[ignore]] suppressions do not apply'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "check" -d 'Audit everything about a domain\'s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "spf" -d 'Audit a domain\'s SPF policy, or evaluate it for a client IP (`spf eval`)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "mta-sts" -d 'Audit a domain\'s MTA-STS record and policy, fetched as a sender does (RFC 8461)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "tlsrpt" -d 'Audit a domain\'s TLS-RPT record (RFC 8460)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "dkim" -d 'Audit a domain\'s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "dmarc" -d 'Audit a domain\'s DMARC policy: the record that applies, the tree walk, the effective policy'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "bimi" -d 'Audit a domain\'s BIMI record and the DMARC policy it needs'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "mx" -d 'Audit where a domain\'s mail goes: MX hosts by preference, their addresses, reverse DNS'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "dnssec" -d 'Show a domain\'s DNSSEC chain of trust: each zone from the anchor down, its DS and DNSKEY records, signatures and days left, and whether the domain\'s answers validate'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "probe" -d 'Probe a domain\'s MX hosts live over SMTP and STARTTLS, as a sending server meets them'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "clients" -d 'Check the endpoints users\' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "diff" -d 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "report" -d 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain\'s findings, records and MX hosts'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "verify" -d 'Explain why a received message passed or failed SPF, DKIM, DMARC and ARC, and write the result as an Authentication-Results field'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "lint" -d 'Lint a record given as text, before publishing it'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "generate" -d 'Build a record from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a parked domain), ready to publish: zone-file lines, and the files to serve'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "fix" -d 'Propose the records that clear what `check --no-probe` finds for a domain, the files to serve, and the work only a person can do; changes nothing anywhere'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "explain" -d 'Explain a finding code, or list every code'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "completions" -d 'Print a shell completion script'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "generate-docs" -d 'Regenerate the committed completions and man page (for maintainers)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from check spf mta-sts tlsrpt dkim dmarc bimi mx dnssec probe clients diff report verify lint generate fix explain completions generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from spf" -f -a "eval" -d 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from dkim" -f -a "keygen" -d 'Generate a key pair and the TXT record to publish'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from dkim" -f -a "verify-published" -d 'Check that the published key is the public half of a private key file'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from dkim" -f -a "rotate" -d 'Rotate a domain\'s keys: make the next key, activate it once published, revoke old ones'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from dkim" -f -a "status" -d 'Say what rotation work is due (for cron: exit 1 when something is due)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from dkim" -f -a "sign" -d 'Sign a message: write it to stdout with a DKIM-Signature field on top'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "mta-sts" -d 'Lint an MTA-STS TXT record (_mta-sts) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "mta-sts-policy" -d 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "tlsrpt" -d 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "dkim" -d 'Lint a DKIM key record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "spf" -d 'The SPF record: who may send the domain\'s mail'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "dmarc" -d 'The DMARC record, and the authorization records external report addresses need'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "mta-sts" -d 'The MTA-STS record and the policy file to serve'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "tlsrpt" -d 'The TLS-RPT record: where senders report TLS failures'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "bimi" -d 'The BIMI record: the logo mail programs may show'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "parked" -d 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key'
