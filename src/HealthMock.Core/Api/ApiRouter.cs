using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using HealthMock.Datasets;

namespace HealthMock.Api;

/// <summary>
/// Maps the HTTP service's routes to tools: the resource routes (GET /patients/{patient_id}, POST /appointments,
/// ...) take their arguments from the path and the query string or the JSON body, and the tool routes
/// (GET /tools, POST /tools/{name}) expose every tool by name.
/// </summary>
internal sealed class ApiRouter
{
    private readonly FrontDeskService _service;
    private readonly List<Route> _routes;

    public ApiRouter(FrontDeskService service)
    {
        _service = service;
        _routes = new List<Route>
        {
            new Route("GET", "/", (_, _, _) => Ok(Describe())),
            new Route("GET", "/tools", (_, _, _) => Ok(new ToolListResponse
            {
                Tools = ApiTools.All.Select(t => t.Describe()).ToList(),
            })),
            new Route("POST", "/tools/{name}", CallTool),
            new Route("GET", "/patients", FindPatient),
            Tool("GET", "/patients/{patient_id}", "get_patient_details"),
            Tool("GET", "/patients/{patient_id}/appointments", "list_patient_appointments"),
            Tool("GET", "/patients/{patient_id}/insurance", "get_insurance_details"),
            Tool("GET", "/patients/{patient_id}/cost-estimate", "estimate_visit_cost"),
            Tool("GET", "/insurance/{policy_number}", "get_insurance_details"),
            Tool("GET", "/providers", "list_providers"),
            Tool("GET", "/providers/{provider_id}", "get_provider_details"),
            Tool("GET", "/providers/{provider_id}/slots", "list_available_slots"),
            Tool("GET", "/appointments/{appointment_id}", "get_appointment_details"),
            Tool("POST", "/appointments", "schedule_appointment", created: true),
            Tool("POST", "/appointments/{appointment_id}/reschedule", "reschedule_appointment"),
            Tool("POST", "/appointments/{appointment_id}/cancel", "cancel_appointment"),
        };
    }

    /// <summary>Every route as "METHOD /path", in the order they are matched.</summary>
    public IReadOnlyList<string> Routes => _routes.Select(r => r.Method + " " + r.Template).ToList();

    /// <summary>
    /// Finds the route for <paramref name="method"/> and <paramref name="path"/> (its segments already
    /// percent-decoded) and runs it. <paramref name="body"/> reads the JSON body when the route needs one.
    /// </summary>
    /// <exception cref="FrontDeskException">route_not_found, method_not_allowed, or the tool's own refusal.</exception>
    public ApiResult Handle(string method, IReadOnlyList<string> path, NameValueCollection query,
        Func<JsonElement?> body)
    {
        var matches = _routes.Select(r => (Route: r, Values: r.Match(path))).Where(m => m.Values is not null).ToList();
        if (matches.Count == 0)
        {
            throw new FrontDeskException(FrontDeskErrorCode.RouteNotFound,
                $"No route is '/{string.Join("/", path)}'; GET / lists the routes and GET /tools the tools.",
                "/" + string.Join("/", path));
        }

        var match = matches.FirstOrDefault(m => string.Equals(m.Route.Method, method, StringComparison.Ordinal));
        if (match.Route is null)
        {
            var allowed = string.Join(", ", matches.Select(m => m.Route.Method).Distinct());
            throw new FrontDeskException(FrontDeskErrorCode.MethodNotAllowed,
                $"The route /{string.Join("/", path)} takes {allowed}, not {method}.", allowed);
        }

        var arguments = method == "POST"
            ? ToolArguments.FromJson(body() ?? EmptyObject())
            : ToolArguments.FromQuery(query);
        return match.Route.Handle(arguments, match.Values!, this);
    }

    private static ApiResult Ok(object body) => new ApiResult(200, body);

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private Route Tool(string method, string template, string name, bool created = false) =>
        new Route(method, template, (arguments, values, router) =>
        {
            foreach (var pair in values)
            {
                arguments.SetFromPath(pair.Key, pair.Value);
            }

            var result = ApiTools.Find(name).Invoke(router._service, arguments);
            if (created && result is AppointmentRecord appointment)
            {
                return new ApiResult(201, result, "/appointments/" + Uri.EscapeDataString(appointment.Id));
            }

            return Ok(result);
        });

    private static ApiResult CallTool(ToolArguments arguments, IReadOnlyDictionary<string, string> values,
        ApiRouter router) =>
        Ok(ApiTools.Find(values["name"]).Invoke(router._service, arguments));

    private static ApiResult FindPatient(ToolArguments arguments, IReadOnlyDictionary<string, string> values,
        ApiRouter router)
    {
        if (arguments.Has("email"))
        {
            return Ok(ApiTools.Find("find_patient_by_email").Invoke(router._service, arguments));
        }

        if (arguments.Has("first_name") || arguments.Has("last_name") || arguments.Has("dob"))
        {
            return Ok(ApiTools.Find("find_patient_by_name_dob").Invoke(router._service, arguments));
        }

        throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
            "GET /patients finds one patient; expected ?email= or ?first_name=&last_name=&dob=.");
    }

    private ServiceResponse Describe()
    {
        var summary = _service.Summarize();
        return new ServiceResponse
        {
            Folder = summary.Folder,
            Seed = summary.Seed,
            ReferenceDate = DatasetWriter.FormatDate(summary.ReferenceDate),
            Counts = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["patients"] = summary.Patients,
                ["providers"] = summary.Providers,
                ["policies"] = summary.Policies,
                ["appointments"] = summary.Appointments,
            },
            Routes = Routes,
        };
    }

    /// <summary>One route: a method and a path template whose {name} segments become arguments.</summary>
    private sealed class Route
    {
        private readonly string[] _segments;

        public Route(string method, string template,
            Func<ToolArguments, IReadOnlyDictionary<string, string>, ApiRouter, ApiResult> handle)
        {
            Method = method;
            Template = template;
            Handle = handle;
            _segments = template.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        }

        public string Method { get; }

        public string Template { get; }

        public Func<ToolArguments, IReadOnlyDictionary<string, string>, ApiRouter, ApiResult> Handle { get; }

        /// <summary>The values of the {name} segments when the path fits the template, else null.</summary>
        public Dictionary<string, string>? Match(IReadOnlyList<string> path)
        {
            if (path.Count != _segments.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < path.Count; i++)
            {
                var segment = _segments[i];
                if (segment.StartsWith("{", StringComparison.Ordinal))
                {
                    values[segment.Substring(1, segment.Length - 2)] = path[i];
                }
                else if (!string.Equals(segment, path[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return values;
        }
    }
}

/// <summary>An answer: the HTTP status, the body to write as JSON and, for a created record, its location.</summary>
internal sealed class ApiResult
{
    public ApiResult(int status, object body, string? location = null)
    {
        Status = status;
        Body = body;
        Location = location;
    }

    public int Status { get; }

    public object Body { get; }

    public string? Location { get; }
}
