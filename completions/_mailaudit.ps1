
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
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Audit a domain''s TLS-RPT record (RFC 8460)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
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
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every term evaluated and every DNS query made')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
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
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;tlsrpt' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS TXT record (_mta-sts) given as text')
            [CompletionResult]::new('mta-sts-policy', 'mta-sts-policy', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Lint a TLS-RPT TXT record (_smtp._tls) given as text')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;lint;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Follow include and redirect through DNS to count lookups across the whole tree')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;mta-sts' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;mta-sts-policy' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;tlsrpt' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
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
        'mailaudit;lint;help;help' {
            break
        }
        'mailaudit;explain' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;completions' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate-docs' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query, and for each HTTPS fetch as a whole')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)')
            [CompletionResult]::new('--mta-sts-port', '--mta-sts-port', [CompletionResultType]::ParameterName, 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;help' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Audit a domain''s TLS-RPT record (RFC 8460)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
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
        'mailaudit;help;lint' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('mta-sts', 'mta-sts', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS TXT record (_mta-sts) given as text')
            [CompletionResult]::new('mta-sts-policy', 'mta-sts-policy', [CompletionResultType]::ParameterValue, 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"')
            [CompletionResult]::new('tlsrpt', 'tlsrpt', [CompletionResultType]::ParameterValue, 'Lint a TLS-RPT TXT record (_smtp._tls) given as text')
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
