using System.Text.Json.Serialization;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>
/// The argument of a hub method: either the request, bound strictly from the client's JSON, or why it could not be
/// bound. SignalR would otherwise answer a value of the wrong shape with an untyped "unexpected error" before the
/// method runs; binding into this type never fails, and <see cref="HubErrorFilter"/> turns a failure into
/// <c>InvalidRequest</c> before the method is called.
/// </summary>
[JsonConverter(typeof(HubRequestConverterFactory))]
public sealed class HubRequest<T> : IHubRequest
    where T : class
{
    private readonly T? _value;

    internal HubRequest(T? value, string? bindingError)
    {
        _value = value;
        BindingError = bindingError;
    }

    /// <summary>Null when the request was bound; otherwise what was wrong with it, for the client.</summary>
    public string? BindingError { get; }

    /// <summary>The bound request. The filter never lets a method run with an unbound one.</summary>
    public T Value => _value ?? throw new InvalidOperationException($"The request was not bound: {BindingError}");
}

/// <summary>Lets the hub filter see whether any argument failed to bind without knowing its request type.</summary>
public interface IHubRequest
{
    string? BindingError { get; }
}
