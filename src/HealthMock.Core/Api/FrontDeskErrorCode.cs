namespace HealthMock.Api;

/// <summary>
/// Why the front desk refused a request. Each code has a stable snake_case spelling for JSON (such as
/// slot_unavailable, see <see cref="FrontDeskErrors.Text"/>) and its member name is the PowerShell error id (such as
/// SlotUnavailable).
/// </summary>
public enum FrontDeskErrorCode
{
    /// <summary>An argument is missing, malformed or out of range (HTTP 400).</summary>
    InvalidArgument,

    /// <summary>The patient, provider, appointment or policy does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>A search matched more than one patient, so it identifies nobody (HTTP 409).</summary>
    AmbiguousMatch,

    /// <summary>The start is not a slot of the provider's weekly schedule (HTTP 409).</summary>
    SlotUnavailable,

    /// <summary>The provider has an active appointment that overlaps the requested time (HTTP 409).</summary>
    ProviderDoubleBooked,

    /// <summary>The patient has an active appointment that overlaps the requested time (HTTP 409).</summary>
    PatientDoubleBooked,

    /// <summary>The provider's specialty does not offer the appointment type (HTTP 409).</summary>
    TypeNotOffered,

    /// <summary>The appointment type does not take place in the requested mode (HTTP 409).</summary>
    ModeNotOffered,

    /// <summary>The specialty or the appointment type does not see patients of the patient's age (HTTP 409).</summary>
    AgeNotServed,

    /// <summary>The specialty sees only patients of the other sex (HTTP 409).</summary>
    SexNotServed,

    /// <summary>The provider takes no new patients and has never seen this one (HTTP 409).</summary>
    NotAcceptingNewPatients,

    /// <summary>The time is not after the service's current time, the end of the reference date (HTTP 409).</summary>
    InThePast,

    /// <summary>
    /// The appointment's status does not allow the change, such as canceling a completed one (HTTP 409).
    /// </summary>
    InvalidStatus,

    /// <summary>The cancellation reason is not one of the fixed list (HTTP 400).</summary>
    InvalidReason,

    /// <summary>
    /// The change passed the front-desk checks but would break a consistency rule of the dataset, so nothing was
    /// changed (HTTP 409).
    /// </summary>
    RuleViolation,

    /// <summary>Another process kept the dataset folder locked for too long (HTTP 503).</summary>
    DatasetBusy,

    /// <summary>The dataset folder could not be read or written; nothing was changed (HTTP 500).</summary>
    StorageFailed,

    /// <summary>Only the HTTP service: no route has that path (HTTP 404).</summary>
    RouteNotFound,

    /// <summary>Only the HTTP service: no tool has that name (HTTP 404).</summary>
    UnknownTool,

    /// <summary>Only the HTTP service: the route exists but not for that HTTP method (HTTP 405).</summary>
    MethodNotAllowed,

    /// <summary>Only the HTTP service: the request body is larger than the limit (HTTP 413).</summary>
    PayloadTooLarge,

    /// <summary>Only the HTTP service: the request body is not declared as JSON (HTTP 415).</summary>
    UnsupportedMediaType,

    /// <summary>Only the HTTP service: the request body is not valid JSON (HTTP 400).</summary>
    MalformedJson,

    /// <summary>Only the HTTP service: the service is stopping and takes no new requests (HTTP 503).</summary>
    ShuttingDown,

    /// <summary>Only the HTTP service: an unexpected failure while handling one request (HTTP 500).</summary>
    InternalError,
}
