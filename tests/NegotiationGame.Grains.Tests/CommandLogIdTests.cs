using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains.Tests;

/// <summary>
/// The log ids already written must keep meaning what they meant: a retry of a command sent before an upgrade is told
/// apart from a new one only if the server derives the same id. The expected value was computed outside .NET, as the
/// SHA-256 of the canonical JSON arrays that <see cref="CommandIdentity"/> documents.
/// </summary>
public sealed class CommandLogIdTests
{
    [Fact]
    public void A_commands_log_id_is_the_digest_of_its_sender_id_and_content_in_canonical_order()
    {
        var body = new TableOfferBody(
            ImmutableDictionary<string, string>.Empty.Add("security", "written").Add("minerals", "share-25"),
            ["ukraine", "eu"],
            2);
        var request = new GameCommandRequest(Guid.Parse("9d1e5c2a-0000-4000-8000-00000000000a"), "us", body);

        Assert.Equal(Guid.Parse("f194c7d6-cc4b-1278-3bed-cdcb05ce8d8f"), CommandIdentity.Of(request).ToLogId());
        Assert.Equal(CommandIdentity.Of(request), CommandIdentity.Of(request));
    }
}
