using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Grains;

/// <summary>
/// What the game grains measure: games active on this silo, offers resolved and agreements concluded (read from the
/// events a command appended, bots' included), and the span of deciding a command. The core stays unmeasured: the
/// grain counts what the rules decided once it is in the log.
/// </summary>
internal static class GameInstruments
{
    private const string OutcomeTag = "outcome";

    private static readonly UpDownCounter<int> GamesActive = ProductTelemetry.Meter.CreateUpDownCounter<int>(
        "negotiationgame.games.active", "{game}", "Game activations on this silo");

    private static readonly Counter<long> OffersResolved = ProductTelemetry.Meter.CreateCounter<long>(
        "negotiationgame.offers.resolved", "{offer}", "Offers that left the table: agreed, rejected, withdrawn or expired");

    private static readonly Counter<long> Agreements = ProductTelemetry.Meter.CreateCounter<long>(
        "negotiationgame.agreements", "{agreement}", "Agreements concluded");

    public static void Activated() => GamesActive.Add(1);

    public static void Deactivated() => GamesActive.Add(-1);

    /// <summary>Starts the span of deciding <paramref name="command"/> (the rules and the bots' replies), or null when nobody records spans.</summary>
    public static Activity? StartDecide(GameCommand command)
    {
        var activity = ProductTelemetry.Source.StartActivity("game decide", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("negotiationgame.command", command.GetType().Name);
        }

        return activity;
    }

    /// <summary>Marks the decide span of a command the rules refused.</summary>
    public static void Refused(Activity? decide, string code) => decide?.SetTag("negotiationgame.result", code);

    /// <summary>Counts what the appended <paramref name="events"/> resolved.</summary>
    public static void Appended(ImmutableArray<GameEvent> events)
    {
        if (!OffersResolved.Enabled && !Agreements.Enabled)
        {
            return;
        }

        foreach (var appended in events)
        {
            var outcome = appended switch
            {
                AgreementConcluded => "agreed",
                OfferRejected => "rejected",
                OfferWithdrawn => "withdrawn",
                OfferExpired => "expired",
                _ => null,
            };
            if (outcome is null)
            {
                continue;
            }

            OffersResolved.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));
            if (appended is AgreementConcluded)
            {
                Agreements.Add(1);
            }
        }
    }
}
