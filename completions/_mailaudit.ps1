
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mailaudit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mailaudit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mailaudit' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Audit everything about a domain''s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Audit a domain''s TLS-RPT record (RFC 8460)')
            [CompletionResult]::new('dkim', 'dkim', [CompletionResultType]::ParameterValue, 'Audit a domain''s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Audit a domain''s BIMI record and the DMARC policy it needs')
            [CompletionResult]::new('mx', 'mx', [CompletionResultType]::ParameterValue, 'Audit where a domain''s mail goes: MX hosts by preference, their addresses, reverse DNS')
            [CompletionResult]::new('dnssec', 'dnssec', [CompletionResultType]::ParameterValue, 'Show a domain''s DNSSEC chain of trust: each zone from the anchor down, its DS and DNSKEY records, signatures and days left, and whether the domain''s answers validate')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Probe a domain''s MX hosts live over SMTP and STARTTLS, as a sending server meets them')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Check the endpoints users'' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain''s findings, records and MX hosts')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Explain why a received message passed or failed SPF, DKIM, DMARC and ARC, and write the result as an Authentication-Results field')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Build a record from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a parked domain), ready to publish: zone-file lines, and the files to serve')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Propose the records that clear what `check --no-probe` finds for a domain, the files to serve, and the work only a person can do; changes nothing anywhere')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;check' {
            [CompletionResult]::new('--domains-file', '--domains-file', [CompletionResultType]::ParameterName, 'Also check the domains in this file, one per line (# comments and blank lines are skipped); - reads standard input. A domain whose lookups failed and a line that is not a domain are then data in their results, not a failed run (exit status 2 only when the run cannot go on)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Domains checked at once')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Check only entry I of every N (entries numbered from 0), to split a list across machines; auto takes I from the job engine''s environment (Kubernetes, Slurm, AWS Batch, Google Cloud Batch) and N from it too or from --shards')
            [CompletionResult]::new('--shards', '--shards', [CompletionResultType]::ParameterName, 'The number of shards for --shard auto where the job engine does not say it (Kubernetes, AWS Batch); where it does, the two must agree')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the results to FILE.partial, renamed to FILE once every domain has its result (an interrupted or failed run leaves FILE.partial, never FILE); nothing goes to stdout')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'A DKIM selector to check (repeatable); without one, common selectors are tried')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'A DKIM rotation state file whose selectors are tried too (default: the user''s, if any)')
            [CompletionResult]::new('--bimi-selector', '--bimi-selector', [CompletionResultType]::ParameterName, 'The BIMI selector')
            [CompletionResult]::new('--probe-port', '--probe-port', [CompletionResultType]::ParameterName, 'A port to probe on every MX address (repeatable; 465 speaks TLS first)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Act as if today were DATE (YYYY-MM-DD) for the config file''s [[ignore]] until dates, for planning and tests')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge the probed certificates'' expiry and DANE-TA chains as of DATE (YYYY-MM-DD, midnight UTC) instead of now')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'With --output and --format jsonl or csv: do nothing when FILE exists; else keep the whole results in FILE.partial, check only the domains it has none for, and finish FILE')
            [CompletionResult]::new('--parked', '--parked', [CompletionResultType]::ParameterName, 'The domains send no mail: they should publish "v=spf1 -all" and DMARC p=reject')
            [CompletionResult]::new('--no-probe', '--no-probe', [CompletionResultType]::ParameterName, 'Do not connect to the MX hosts (outbound port 25 is often blocked from home and cloud networks); DNS only')
            [CompletionResult]::new('--clients', '--clients', [CompletionResultType]::ParameterName, 'Also check the endpoints users'' mail programs reach: submission, IMAP and POP3 from the RFC 6186 SRV records, probed live')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf;eval' {
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'The connecting client''s IP address')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)')
            [CompletionResult]::new('--helo', '--helo', [CompletionResultType]::ParameterName, 'The HELO/EHLO name (checked itself when no --mail-from is given)')
            [CompletionResult]::new('--receiver', '--receiver', [CompletionResultType]::ParameterName, 'The receiving host''s name, for %{r} in explanations')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every term evaluated and every DNS query made')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;spf;help' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf;help;eval' {
            break
        }
        'mailaudit;spf;help;help' {
            break
        }
        'mailaudit;mta-sts' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;tlsrpt' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim' {
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector to audit (repeatable); without one, widely used selectors are tried')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Rotation state file whose selectors discovery tries too [default: the user''s]')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate a key pair and the TXT record to publish')
            [CompletionResult]::new('verify-published', 'verify-published', [CompletionResultType]::ParameterValue, 'Check that the published key is the public half of a private key file')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say what rotation work is due (for cron: exit 1 when something is due)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message: write it to stdout with a DKIM-Signature field on top')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;dkim;keygen' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The signing domain (d=)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'The selector (s=) the key is published under')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'algorithm')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'RSA key size: 1024, 2048, 3072 or 4096 (less than 1024 is refused)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write the key and TXT files to [default: the current directory]')
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'Restrict the key to this hash (h=)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Restrict the key to this service (s=)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--testing', '--testing', [CompletionResultType]::ParameterName, 'Publish with t=y (testing: verifiers treat signed mail like unsigned)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim;verify-published' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'domain')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'selector')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim;rotate' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'domain')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector for the next key instead of the template''s')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Command to run through `sh -c` after activation (e.g. reload the signer)')
            [CompletionResult]::new('--exec-timeout', '--exec-timeout', [CompletionResultType]::ParameterName, 'Seconds --exec may run before it is killed (1 to 86400)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Act as if today were DATE (YYYY-MM-DD), for planning and tests')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Days between rotations [default: 90]')
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'Days a replaced key stays published before it is revoked [default: 7]')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Selector template: {year}, {quarter}, {month}, {alg} [default: s{year}q{quarter}]')
            [CompletionResult]::new('--key-dir', '--key-dir', [CompletionResultType]::ParameterName, 'Directory for the domain''s keys [default: keys/DOMAIN beside the state file]')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Key algorithm(s) to rotate (repeat for RSA and Ed25519 side by side) [default: rsa]')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'RSA key size [default: 2048]')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--activate', '--activate', [CompletionResultType]::ParameterName, 'Activate the pending key once its record is published and matches')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'Revoke retiring keys past their overlap once the empty record is published')
            [CompletionResult]::new('--verify-signing', '--verify-signing', [CompletionResultType]::ParameterName, 'Before activating, sign a test message with each pending key and verify it through DNS; a key that does not verify is not activated')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim;status' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only this domain of the state (repeatable); default: every domain')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Act as if today were DATE (YYYY-MM-DD), for planning and tests')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The signing domain (d=)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'The selector (s=) the key''s record is published under')
            [CompletionResult]::new('--canonicalization', '--canonicalization', [CompletionResultType]::ParameterName, 'Header and body canonicalization (c=)')
            [CompletionResult]::new('--expire', '--expire', [CompletionResultType]::ParameterName, 'Days until the signature expires (x=); none by default')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A field to sign (repeatable), each copy present, From always and once more [default: From, To, Cc, Subject, Date, Message-ID, In-Reply-To, References, MIME-Version, Content-Type, Content-Transfer-Encoding]')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dkim;help' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate a key pair and the TXT record to publish')
            [CompletionResult]::new('verify-published', 'verify-published', [CompletionResultType]::ParameterValue, 'Check that the published key is the public half of a private key file')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say what rotation work is due (for cron: exit 1 when something is due)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message: write it to stdout with a DKIM-Signature field on top')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;dkim;help;keygen' {
            break
        }
        'mailaudit;dkim;help;verify-published' {
            break
        }
        'mailaudit;dkim;help;rotate' {
            break
        }
        'mailaudit;dkim;help;status' {
            break
        }
        'mailaudit;dkim;help;sign' {
            break
        }
        'mailaudit;dkim;help;help' {
            break
        }
        'mailaudit;dmarc' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;bimi' {
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;mx' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;dnssec' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;probe' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Probe this host instead of the domain''s MX hosts: a name (looked up), an address, with a port that overrides --port (repeatable)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to probe (repeatable or comma-separated): 25 (relay), 587 and 2525 (STARTTLS), 465 (implicit TLS)')
            [CompletionResult]::new('--implicit-tls-port', '--implicit-tls-port', [CompletionResultType]::ParameterName, 'A port that speaks TLS from the first byte instead of STARTTLS (repeatable)')
            [CompletionResult]::new('--ehlo', '--ehlo', [CompletionResultType]::ParameterName, 'The name to give in EHLO (default: this machine''s host name)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sessions at once')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole probe may take: sessions that start late get what is left, and those whose turn comes after it are not started (counted in smtp-probe-deadline)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate expiry and DANE-TA chains as of DATE (YYYY-MM-DD, midnight UTC) instead of now, to see an expiry or a key rollover break before it happens')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--rcpt-test', '--rcpt-test', [CompletionResultType]::ParameterName, 'Also send MAIL FROM:<> and RCPT TO:<postmaster@DOMAIN>, then RSET, to see whether postmaster is accepted (no message is sent)')
            [CompletionResult]::new('--transcript', '--transcript', [CompletionResultType]::ParameterName, 'Show the SMTP dialogue (sent and received lines, the TLS handshake summarised)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;clients' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'A host to probe on the standard ports when the domain publishes no SRV record (repeatable): a name or an address')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Only these services (repeatable or comma-separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Probe a service on this port at --host hosts instead of its standard ports (repeatable), e.g. imaps=10993')
            [CompletionResult]::new('--ehlo', '--ehlo', [CompletionResultType]::ParameterName, 'The name to give in EHLO to submission servers (default: this machine''s host name)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sessions at once')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--transcript', '--transcript', [CompletionResultType]::ParameterName, 'Show each dialogue (sent and received lines, the TLS handshake summarised)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;diff' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;report' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the page to FILE (made whole beside it, then renamed into place); without it, to standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the page to FILE (made whole beside it, then renamed into place); without it, to standard output')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'An earlier run''s results: the page gets a "What changed" section, as `diff` sees it')
            [CompletionResult]::new('--max-domains', '--max-domains', [CompletionResultType]::ParameterName, 'List at most N domains in the table and sections of a page of many: those with the most errors, then warnings (the summary counts every one); 0 lists them all')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Count days to certificate expiry from DATE (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;verify' {
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'The connecting client''s IP address, for SPF')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The MAIL FROM address ("" for the null sender) [default: the Return-Path field''s]')
            [CompletionResult]::new('--helo', '--helo', [CompletionResultType]::ParameterName, 'The HELO/EHLO name the client gave')
            [CompletionResult]::new('--trusted-host', '--trusted-host', [CompletionResultType]::ParameterName, 'The receiving MTA''s name (repeatable): without --ip, SPF is checked for the client of the topmost Received field it added')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS TXT record (_mta-sts) given as text')
            [CompletionResult]::new('mta-sts-policy', 'mta-sts-policy', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Lint a TLS-RPT TXT record (_smtp._tls) given as text')
            [CompletionResult]::new('dkim', 'dkim', [CompletionResultType]::ParameterValue, 'Lint a DKIM key record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;lint;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Follow include and redirect through DNS to count lookups across the whole tree')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;mta-sts' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;mta-sts-policy' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;tlsrpt' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;dkim' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;dmarc' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;bimi' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;help' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS TXT record (_mta-sts) given as text')
            [CompletionResult]::new('mta-sts-policy', 'mta-sts-policy', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Lint a TLS-RPT TXT record (_smtp._tls) given as text')
            [CompletionResult]::new('dkim', 'dkim', [CompletionResultType]::ParameterValue, 'Lint a DKIM key record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;lint;help;spf' {
            break
        }
        'mailaudit;lint;help;mta-sts' {
            break
        }
        'mailaudit;lint;help;mta-sts-policy' {
            break
        }
        'mailaudit;lint;help;tlsrpt' {
            break
        }
        'mailaudit;lint;help;dkim' {
            break
        }
        'mailaudit;lint;help;dmarc' {
            break
        }
        'mailaudit;lint;help;bimi' {
            break
        }
        'mailaudit;lint;help;help' {
            break
        }
        'mailaudit;generate' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'The SPF record: who may send the domain''s mail')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'The DMARC record, and the authorization records external report addresses need')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'The MTA-STS record and the policy file to serve')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'The TLS-RPT record: where senders report TLS failures')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'The BIMI record: the logo mail programs may show')
            [CompletionResult]::new('parked', 'parked', [CompletionResultType]::ParameterValue, 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;generate;spf' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Also the senders another domain''s SPF record names, e.g. a mail provider''s (repeatable)')
            [CompletionResult]::new('--ip4', '--ip4', [CompletionResultType]::ParameterName, 'An IPv4 network or address that sends mail, e.g. 192.0.2.0/24 (repeatable)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'An IPv6 network or address that sends mail, e.g. 2001:db8::/32 (repeatable)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'What mail from anywhere else gets: fail (-all) or softfail (~all)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--mx', '--mx', [CompletionResultType]::ParameterName, 'The domain''s MX hosts send mail (mx)')
            [CompletionResult]::new('--a', '--a', [CompletionResultType]::ParameterName, 'The domain''s own addresses send mail (a)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;dmarc' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'What receivers do with mail that fails DMARC')
            [CompletionResult]::new('--rua', '--rua', [CompletionResultType]::ParameterName, 'Where aggregate reports go: an address or a mailto: URI (repeatable)')
            [CompletionResult]::new('--ruf', '--ruf', [CompletionResultType]::ParameterName, 'Where failure reports go: an address or a mailto: URI (repeatable)')
            [CompletionResult]::new('--sp', '--sp', [CompletionResultType]::ParameterName, 'The policy for existing subdomains [default: --policy]')
            [CompletionResult]::new('--np', '--np', [CompletionResultType]::ParameterName, 'The policy for subdomains that do not exist [default: --sp]')
            [CompletionResult]::new('--adkim', '--adkim', [CompletionResultType]::ParameterName, 'DKIM alignment: r (relaxed, the default) or s (strict)')
            [CompletionResult]::new('--aspf', '--aspf', [CompletionResultType]::ParameterName, 'SPF alignment: r (relaxed, the default) or s (strict)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--testing', '--testing', [CompletionResultType]::ParameterName, 'Test mode (t=y): receivers apply the policy one step below')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;mta-sts' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'testing: report failures, deliver anyway; enforce: deliver only over validated TLS; none: withdraw the policy')
            [CompletionResult]::new('--mx', '--mx', [CompletionResultType]::ParameterName, 'The MX hosts senders may deliver to, or patterns *.example.com (several, or repeated)')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Seconds senders keep the policy')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The record''s id, 1 to 32 letters and digits [default: the UTC time, YYYYMMDDHHMMSS]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Also write the policy file under DIR, as DIR/mta-sts.DOMAIN/.well-known/mta-sts.txt (never over an existing file)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;tlsrpt' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--rua', '--rua', [CompletionResultType]::ParameterName, 'Where reports go: an address, a mailto: URI or an https: URL (several, or repeated)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;bimi' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--logo', '--logo', [CompletionResultType]::ParameterName, 'The logo: an https:// URL of an SVG file')
            [CompletionResult]::new('--authority', '--authority', [CompletionResultType]::ParameterName, 'The mark certificate (VMC or CMC): an https:// URL of a PEM file')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'The selector the record is published under')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;parked' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain the records are for')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--rua', '--rua', [CompletionResultType]::ParameterName, 'Ask for DMARC aggregate reports here, to see who sends mail in the domain''s name (repeatable)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate;help' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'The SPF record: who may send the domain''s mail')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'The DMARC record, and the authorization records external report addresses need')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'The MTA-STS record and the policy file to serve')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'The TLS-RPT record: where senders report TLS failures')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'The BIMI record: the logo mail programs may show')
            [CompletionResult]::new('parked', 'parked', [CompletionResultType]::ParameterValue, 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;generate;help;spf' {
            break
        }
        'mailaudit;generate;help;dmarc' {
            break
        }
        'mailaudit;generate;help;mta-sts' {
            break
        }
        'mailaudit;generate;help;tlsrpt' {
            break
        }
        'mailaudit;generate;help;bimi' {
            break
        }
        'mailaudit;generate;help;parked' {
            break
        }
        'mailaudit;generate;help;help' {
            break
        }
        'mailaudit;fix' {
            [CompletionResult]::new('--rua', '--rua', [CompletionResultType]::ParameterName, 'Where DMARC and TLS-RPT aggregate reports go (default: dmarc-reports@DOMAIN and tls-reports@DOMAIN)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'For a new SPF record: also the senders another domain''s SPF record names (repeatable)')
            [CompletionResult]::new('--ip4', '--ip4', [CompletionResultType]::ParameterName, 'For a new SPF record: an IPv4 network or address that sends mail (repeatable)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'For a new SPF record: an IPv6 network or address that sends mail (repeatable)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Never flatten this include when bringing SPF under 10 lookups (repeatable)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'A DKIM selector to check (repeatable); without one, common selectors are tried')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the files to serve under DIR, a web root per host (DIR/mta-sts.DOMAIN/...), and, when the domain has no usable DKIM key, a new key and its record in DIR itself; never over an existing file')
            [CompletionResult]::new('--mta-sts-id', '--mta-sts-id', [CompletionResultType]::ParameterName, 'The id of a new MTA-STS record, 1 to 32 letters and digits [default: the UTC time, YYYYMMDDHHMMSS]')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL of the records, in seconds')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--parked', '--parked', [CompletionResultType]::ParameterName, 'The domain sends and receives no mail: null MX, "v=spf1 -all", DMARC p=reject')
            [CompletionResult]::new('--softfail', '--softfail', [CompletionResultType]::ParameterName, 'End SPF records with ~all (softfail) instead of -all')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;explain' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;completions' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate-docs' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--trust-anchor', '--trust-anchor', [CompletionResultType]::ParameterName, 'Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the root''s anchors: for private roots and lab zones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--qps', '--qps', [CompletionResultType]::ParameterName, 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--no-dnssec', '--no-dnssec', [CompletionResultType]::ParameterName, 'Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Audit everything about a domain''s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Audit a domain''s TLS-RPT record (RFC 8460)')
            [CompletionResult]::new('dkim', 'dkim', [CompletionResultType]::ParameterValue, 'Audit a domain''s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Audit a domain''s BIMI record and the DMARC policy it needs')
            [CompletionResult]::new('mx', 'mx', [CompletionResultType]::ParameterValue, 'Audit where a domain''s mail goes: MX hosts by preference, their addresses, reverse DNS')
            [CompletionResult]::new('dnssec', 'dnssec', [CompletionResultType]::ParameterValue, 'Show a domain''s DNSSEC chain of trust: each zone from the anchor down, its DS and DNSKEY records, signatures and days left, and whether the domain''s answers validate')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Probe a domain''s MX hosts live over SMTP and STARTTLS, as a sending server meets them')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Check the endpoints users'' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain''s findings, records and MX hosts')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Explain why a received message passed or failed SPF, DKIM, DMARC and ARC, and write the result as an Authentication-Results field')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Build a record from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a parked domain), ready to publish: zone-file lines, and the files to serve')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Propose the records that clear what `check --no-probe` finds for a domain, the files to serve, and the work only a person can do; changes nothing anywhere')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;help;check' {
            break
        }
        'mailaudit;help;spf' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            break
        }
        'mailaudit;help;spf;eval' {
            break
        }
        'mailaudit;help;mta-sts' {
            break
        }
        'mailaudit;help;tlsrpt' {
            break
        }
        'mailaudit;help;dkim' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate a key pair and the TXT record to publish')
            [CompletionResult]::new('verify-published', 'verify-published', [CompletionResultType]::ParameterValue, 'Check that the published key is the public half of a private key file')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say what rotation work is due (for cron: exit 1 when something is due)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message: write it to stdout with a DKIM-Signature field on top')
            break
        }
        'mailaudit;help;dkim;keygen' {
            break
        }
        'mailaudit;help;dkim;verify-published' {
            break
        }
        'mailaudit;help;dkim;rotate' {
            break
        }
        'mailaudit;help;dkim;status' {
            break
        }
        'mailaudit;help;dkim;sign' {
            break
        }
        'mailaudit;help;dmarc' {
            break
        }
        'mailaudit;help;bimi' {
            break
        }
        'mailaudit;help;mx' {
            break
        }
        'mailaudit;help;dnssec' {
            break
        }
        'mailaudit;help;probe' {
            break
        }
        'mailaudit;help;clients' {
            break
        }
        'mailaudit;help;diff' {
            break
        }
        'mailaudit;help;report' {
            break
        }
        'mailaudit;help;verify' {
            break
        }
        'mailaudit;help;lint' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS TXT record (_mta-sts) given as text')
            [CompletionResult]::new('mta-sts-policy', 'mta-sts-policy', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Lint a TLS-RPT TXT record (_smtp._tls) given as text')
            [CompletionResult]::new('dkim', 'dkim', [CompletionResultType]::ParameterValue, 'Lint a DKIM key record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            break
        }
        'mailaudit;help;lint;spf' {
            break
        }
        'mailaudit;help;lint;mta-sts' {
            break
        }
        'mailaudit;help;lint;mta-sts-policy' {
            break
        }
        'mailaudit;help;lint;tlsrpt' {
            break
        }
        'mailaudit;help;lint;dkim' {
            break
        }
        'mailaudit;help;lint;dmarc' {
            break
        }
        'mailaudit;help;lint;bimi' {
            break
        }
        'mailaudit;help;generate' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'The SPF record: who may send the domain''s mail')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'The DMARC record, and the authorization records external report addresses need')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'The MTA-STS record and the policy file to serve')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'The TLS-RPT record: where senders report TLS failures')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'The BIMI record: the logo mail programs may show')
            [CompletionResult]::new('parked', 'parked', [CompletionResultType]::ParameterValue, 'The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject, an empty DKIM key')
            break
        }
        'mailaudit;help;generate;spf' {
            break
        }
        'mailaudit;help;generate;dmarc' {
            break
        }
        'mailaudit;help;generate;mta-sts' {
            break
        }
        'mailaudit;help;generate;tlsrpt' {
            break
        }
        'mailaudit;help;generate;bimi' {
            break
        }
        'mailaudit;help;generate;parked' {
            break
        }
        'mailaudit;help;fix' {
            break
        }
        'mailaudit;help;explain' {
            break
        }
        'mailaudit;help;completions' {
            break
        }
        'mailaudit;help;generate-docs' {
            break
        }
        'mailaudit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
