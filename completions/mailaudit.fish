# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mailaudit_global_optspecs
    string join \n resolver= zone= timeout= budget= dns-concurrency= format= color= fail-on= q/quiet h/help V/version
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
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "spf" -d 'Audit a domain\'s SPF policy, or evaluate it for a client IP (`spf eval`)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "dmarc" -d 'Audit a domain\'s DMARC policy: the record that applies, the tree walk, the effective policy'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "bimi" -d 'Audit a domain\'s BIMI record and the DMARC policy it needs'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "lint" -d 'Lint a record given as text, before publishing it'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "explain" -d 'Explain a finding code, or list every code'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "generate-docs" -d 'Regenerate the committed completions and man page (for maintainers)'
complete -c mailaudit -n "__fish_mailaudit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and not __fish_seen_subcommand_from eval help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
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
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -l trace -d 'Show every term evaluated and every DNS query made'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from eval" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from help" -f -a "eval" -d 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand spf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand dmarc" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l selector -d 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand bimi" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and not __fish_seen_subcommand_from spf dmarc bimi help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -l resolve -d 'Follow include and redirect through DNS to count lookups across the whole tree'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from spf" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from dmarc" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from bimi" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand lint; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand explain" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l resolver -d 'DNS server to ask instead of the system\'s resolvers, as IP or IP:PORT (repeatable)' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l zone -d 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN' -r -F
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l timeout -d 'Seconds to wait for each DNS query' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l budget -d 'Seconds one domain\'s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l dns-concurrency -d 'DNS queries in flight at once' -r
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l format -d 'Output format (jsonl: one JSON object per line, written as each record is ready)' -r -f -a "text\t''
json\t''
yaml\t''
jsonl\t'JSON Lines: one compact JSON object per record, written as soon as it is produced'"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l color -d 'When to colour text output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -l fail-on -d 'Exit with status 1 when a finding is at or above this severity' -r -f -a "error\t''
warning\t''
info\t''
never\t''"
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s q -l quiet -d 'Print only findings, and nothing when there are none'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "spf" -d 'Audit a domain\'s SPF policy, or evaluate it for a client IP (`spf eval`)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "dmarc" -d 'Audit a domain\'s DMARC policy: the record that applies, the tree walk, the effective policy'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "bimi" -d 'Audit a domain\'s BIMI record and the DMARC policy it needs'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "lint" -d 'Lint a record given as text, before publishing it'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "explain" -d 'Explain a finding code, or list every code'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "completions" -d 'Print a shell completion script'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "generate-docs" -d 'Regenerate the committed completions and man page (for maintainers)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and not __fish_seen_subcommand_from spf dmarc bimi lint explain completions generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from spf" -f -a "eval" -d 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "spf" -d 'Lint an SPF record given as text'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "dmarc" -d 'Lint a DMARC record given as text (or in a file, or on stdin)'
complete -c mailaudit -n "__fish_mailaudit_using_subcommand help; and __fish_seen_subcommand_from lint" -f -a "bimi" -d 'Lint a BIMI record given as text (or in a file, or on stdin)'
