using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>The <c>command</c> of <c>act</c>, one JSON object whose <c>type</c> says which (docs/protocol.md).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Table), "table")]
[JsonDerivedType(typeof(Accept), "accept")]
[JsonDerivedType(typeof(Reject), "reject")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(Counter), "counter")]
[JsonDerivedType(typeof(Sign), "sign")]
[JsonDerivedType(typeof(WalkAway), "walkAway")]
[JsonDerivedType(typeof(Statement), "statement")]
[JsonDerivedType(typeof(Message), "message")]
public abstract record PartyCommand
{
    public abstract CommandBody ToBody();

    public sealed record Table(ImmutableDictionary<string, string> Package, ImmutableArray<string>? Addressees = null, int? ExpiresAfterRounds = null)
        : PartyCommand, IValidatedRequest
    {
        public override CommandBody ToBody() => new TableOfferBody(Package, Addressees ?? [], ExpiresAfterRounds);

        public string? Problem() =>
            CommandShapes.PackageProblem(Package) ?? (Addressees is { } addressees ? CommandShapes.PartiesProblem(addressees, "addressees") : null);
    }

    public sealed record Accept(int OfferId) : PartyCommand
    {
        public override CommandBody ToBody() => new AcceptOfferBody(OfferId);
    }

    public sealed record Reject(int OfferId) : PartyCommand
    {
        public override CommandBody ToBody() => new RejectOfferBody(OfferId);
    }

    public sealed record Withdraw(int OfferId) : PartyCommand
    {
        public override CommandBody ToBody() => new WithdrawOfferBody(OfferId);
    }

    public sealed record Counter(int OfferId, ImmutableDictionary<string, string> Package, ImmutableArray<string>? Addressees = null, int? ExpiresAfterRounds = null)
        : PartyCommand, IValidatedRequest
    {
        public override CommandBody ToBody() => new CounterOfferBody(OfferId, Package, Addressees, ExpiresAfterRounds);

        public string? Problem() =>
            CommandShapes.PackageProblem(Package) ?? (Addressees is { } addressees ? CommandShapes.PartiesProblem(addressees, "addressees") : null);
    }

    public sealed record Sign(int AgreementId) : PartyCommand
    {
        public override CommandBody ToBody() => new SignAgreementBody(AgreementId);
    }

    public sealed record WalkAway : PartyCommand
    {
        public override CommandBody ToBody() => new WalkAwayBody();
    }

    public sealed record Statement(string Text) : PartyCommand
    {
        public override CommandBody ToBody() => new MakeStatementBody(Text);
    }

    public sealed record Message(ImmutableArray<string> Channel, string Text) : PartyCommand, IValidatedRequest
    {
        public override CommandBody ToBody() => new SendMessageBody(Channel, Text);

        public string? Problem() => CommandShapes.PartiesProblem(Channel, "channel");
    }
}
