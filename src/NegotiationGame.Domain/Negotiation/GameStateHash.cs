using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// A SHA-256 over a canonical encoding of everything in a <see cref="GameState"/> except the scenario object
/// itself (its id is included). Two states are the same game position exactly when their hashes match, which
/// is how a replay proves it reproduced the live game.
/// </summary>
public static class GameStateHash
{
    public static string Compute(GameState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.Text(state.Scenario.Id);
        writer.Int((int)state.Phase);
        writer.Int(state.Round);
        writer.Int(state.Offers.Count);
        foreach (var offer in state.Offers)
        {
            writer.Int(offer.Id);
            writer.Int(offer.Proposer);
            writer.Long((long)offer.Package.OptionBits);
            writer.Int(offer.Package.IssueMask);
            writer.Int(offer.Addressees.Bits);
            writer.Int(offer.TabledInRound);
            writer.Int(offer.ExpiresAtRound ?? -1);
            writer.Int(offer.CounterTo ?? -1);
            writer.Int((int)offer.Status);
            writer.Int(offer.Accepted.Bits);
        }

        foreach (var settlement in state.Settlements)
        {
            writer.Int(settlement?.AgreementId ?? -1);
            writer.Int(settlement?.Option ?? -1);
            writer.Int(settlement?.Signatories.Bits ?? -1);
            writer.Int(settlement?.BoundInRound ?? -1);
        }

        writer.Int(state.WalkedAway.Bits);
        writer.Int(state.EndReason is { } reason ? (int)reason : -1);
        writer.Int(state.FinalScores.Length);
        foreach (var score in state.FinalScores)
        {
            writer.Long(BitConverter.DoubleToInt64Bits(score));
        }

        writer.Long(state.Timing.Briefing.Ticks);
        writer.Long(state.Timing.Round.Ticks);
        writer.Long(state.Clock.Deadline?.UtcTicks ?? -1);
        writer.Int(state.Clock.Paused ? 1 : 0);
        writer.Long(state.Clock.RemainingWhenPaused?.Ticks ?? -1);
        writer.Int(state.News.Count);
        foreach (var news in state.News)
        {
            writer.Int(news.Round);
            writer.Text(news.Headline);
            writer.Text(news.Body);
        }

        writer.Int(state.ScheduledNews.Count);
        foreach (var waiting in state.ScheduledNews)
        {
            writer.Int(waiting.Round);
            writer.Text(waiting.Headline);
            writer.Text(waiting.Body);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private readonly struct Writer(IncrementalHash hash)
    {
        public void Int(int value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            hash.AppendData(bytes);
        }

        public void Long(long value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(long)];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            hash.AppendData(bytes);
        }

        public void Text(string value)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            hash.AppendData(bytes);
        }
    }
}
