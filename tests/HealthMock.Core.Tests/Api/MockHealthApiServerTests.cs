using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using HealthMock.Api;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>The HTTP service on a free loopback port, through resource routes, tool routes and bad requests.</summary>
public sealed class MockHealthApiServerTests : IDisposable
{
    private const string Lee = "dr_lee_family_medicine_01";

    private readonly string _folder = FrontDeskSample.CreateFolder();
    private readonly MockHealthApiServer _server;
    private readonly HttpClient _client;

    public MockHealthApiServerTests()
    {
        _server = MockHealthApiServer.Start(_folder);
        _client = new HttpClient { BaseAddress = new Uri(_server.BaseAddress) };
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpMethod method, string path,
        string? json = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> Get(string path) => Send(HttpMethod.Get, path);

    private Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json) =>
        Send(HttpMethod.Post, path, json);

    private static string Code(JsonElement body) => body.GetProperty("error").GetProperty("code").GetString()!;

    [Fact]
    public void The_service_listens_on_loopback_at_a_free_port()
    {
        Assert.StartsWith("http://127.0.0.1:", _server.BaseAddress);
        Assert.True(_server.Port > 0);
        Assert.True(_server.IsRunning);
        Assert.Equal(_folder, _server.Path);
    }

    [Fact]
    public async Task The_service_answers_on_localhost_too()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://localhost:{_server.Port}/patients/leo_doe_1234");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_root_describes_the_dataset_and_the_routes()
    {
        var (status, body) = await Get("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-01-15", body.GetProperty("reference_date").GetString());
        Assert.Equal(6, body.GetProperty("counts").GetProperty("patients").GetInt32());
        Assert.Contains(body.GetProperty("routes").EnumerateArray(), r => r.GetString() == "POST /appointments");
    }

    [Fact]
    public async Task Resource_routes_answer_with_the_dataset_s_snake_case_records()
    {
        var (status, patient) = await Get("/patients?email=sara.doe4821%40example.com");
        var (_, byName) = await Get("/patients?first_name=Ana&last_name=Nunez&dob=1955-03-01");
        var (_, provider) = await Get("/providers/" + Lee);
        var (_, appointment) = await Get("/appointments/apt_000002");
        var (_, insurance) = await Get("/patients/sara_doe_4821/insurance");
        var (_, policy) = await Get("/insurance/POL-000004");
        var (_, appointments) = await Get("/patients/sara_doe_4821/appointments?status=scheduled,confirmed");
        var (_, providers) = await Get("/providers?specialty=cardiology&accepting_new_patients=false");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sara_doe_4821", patient.GetProperty("id").GetString());
        Assert.Equal("1985-06-02", patient.GetProperty("dob").GetString());
        Assert.Equal("ana_nunez_0007", byName.GetProperty("id").GetString());
        Assert.Equal("08:00", provider.GetProperty("schedule").GetProperty("start").GetString());
        Assert.Equal("specialist", appointment.GetProperty("visit_category").GetString());
        Assert.Equal("2026-01-20T10:00:00-05:00", appointment.GetProperty("start").GetString());
        Assert.Equal("POL-000001", insurance.GetProperty("policy_number").GetString());
        Assert.True(policy.GetProperty("copays_after_deductible").GetBoolean());
        Assert.Equal(new[] { "apt_000006", "apt_000002" }, appointments.GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("dr_roy_cardiology_03", providers.GetProperty("providers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_script_finds_books_reschedules_cancels_and_prices_through_the_resource_routes()
    {
        var (_, patient) = await Get("/patients?email=tom.hill0042%40example.com");
        var pcp = patient.GetProperty("primary_care_provider_id").GetString();
        var (_, slots) = await Get($"/providers/{pcp}/slots?from=2026-01-19&to=2026-01-19&appointment_type=Follow-up"
            + "&patient_id=tom_hill_0042");
        var first = slots.GetProperty("slots")[0].GetProperty("start").GetString();

        var (created, booked) = await Post("/appointments", JsonSerializer.Serialize(new
        {
            patient_id = "tom_hill_0042",
            provider_id = pcp,
            start = first,
            appointment_type = "Follow-up",
        }));
        var id = booked.GetProperty("id").GetString();
        var (_, moved) = await Post($"/appointments/{id}/reschedule", "{\"start\": \"2026-01-19T11:00\"}");
        var newId = moved.GetProperty("appointment").GetProperty("id").GetString();
        var (_, canceled) = await Post($"/appointments/{newId}/cancel", "{\"reason\": \"work_conflict\"}");
        var (_, estimate) = await Get("/patients/tom_hill_0042/cost-estimate?visit_category=primary_care");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("2026-01-19T08:00:00-05:00", first);
        Assert.Equal("scheduled", booked.GetProperty("status").GetString());
        Assert.Equal(30m, booked.GetProperty("copay").GetDecimal());
        Assert.Equal("rescheduled", moved.GetProperty("canceled_appointment").GetProperty("cancellation_reason")
            .GetString());
        Assert.Equal("canceled", canceled.GetProperty("status").GetString());
        Assert.Equal(150m, estimate.GetProperty("patient_share").GetDecimal());
        Assert.True(estimate.GetProperty("lines").GetArrayLength() >= 5);
        Assert.Empty(new DatasetValidator().Validate(new DatasetReader().Read(_folder)));
    }

    [Fact]
    public async Task The_tool_list_gives_a_json_schema_for_every_operation()
    {
        var (status, body) = await Get("/tools");
        var tools = body.GetProperty("tools").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[]
        {
            "find_patient_by_email", "find_patient_by_name_dob", "get_patient_details", "get_provider_details",
            "get_appointment_details", "get_insurance_details", "list_patient_appointments", "list_providers",
            "list_available_slots", "schedule_appointment", "reschedule_appointment", "cancel_appointment",
            "estimate_visit_cost",
        }, tools.Select(t => t.GetProperty("name").GetString()));
        Assert.All(tools, t =>
        {
            var parameters = t.GetProperty("parameters");
            Assert.Equal("object", parameters.GetProperty("type").GetString());
            Assert.False(parameters.GetProperty("additionalProperties").GetBoolean());
            Assert.All(parameters.GetProperty("required").EnumerateArray(), r =>
                Assert.True(parameters.GetProperty("properties").TryGetProperty(r.GetString()!, out _)));
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString()));
        });
    }

    [Fact]
    public async Task Tools_are_called_by_name_with_a_json_object_of_arguments()
    {
        var (status, patient) = await Post("/tools/find_patient_by_name_dob",
            "{\"first_name\": \"sara\", \"last_name\": \"doe\", \"dob\": \"1985-06-02\"}");
        var (_, booked) = await Post("/tools/schedule_appointment",
            "{\"patient_id\": \"sara_doe_4821\", \"provider_id\": \"" + Lee + "\", \"start\": \"2026-01-19T09:00\", "
            + "\"appointment_type\": \"Follow-up\", \"mode\": \"telehealth\"}");
        var (_, estimate) = await Post("/tools/estimate_visit_cost",
            "{\"patient_id\": \"sara_doe_4821\", \"appointment_id\": \"" + booked.GetProperty("id").GetString()
            + "\"}");
        var (refused, error) = await Post("/tools/cancel_appointment",
            "{\"appointment_id\": \"apt_000001\", \"reason\": \"weather\"}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sara_doe_4821", patient.GetProperty("id").GetString());
        Assert.Equal("telehealth", booked.GetProperty("mode").GetString());
        Assert.Equal(25m, estimate.GetProperty("patient_share").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("invalid_status", Code(error));
        Assert.Contains("completed", error.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("GET", "/nowhere", null, HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("GET", "/patients/nobody", null, HttpStatusCode.NotFound, "not_found")]
    [InlineData("GET", "/patients", null, HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("GET", "/patients?emial=x", null, HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("GET", "/providers/" + Lee + "/slots?from=2026-13-01", null, HttpStatusCode.BadRequest,
        "invalid_argument")]
    [InlineData("DELETE", "/appointments/apt_000002", null, HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("GET", "/appointments", null, HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("POST", "/appointments", "{\"patient_id\": ", HttpStatusCode.BadRequest, "malformed_json")]
    [InlineData("POST", "/appointments", "[1, 2]", HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("POST", "/appointments", "{\"patient_id\": 42}", HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("POST", "/appointments/apt_000007/cancel", "{\"reason\": \"bored\"}", HttpStatusCode.BadRequest,
        "invalid_reason")]
    [InlineData("POST", "/appointments/apt_000007/cancel", "{\"reason\": \"weather\", \"appointment_id\": \"x\"}",
        HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("POST", "/tools/drop_tables", "{}", HttpStatusCode.NotFound, "unknown_tool")]
    [InlineData("POST", "/tools/get_patient_details", "{\"patient_id\": \"sara_doe_4821\", \"x\": 1}",
        HttpStatusCode.BadRequest, "invalid_argument")]
    public async Task Bad_requests_get_a_json_error_with_a_stable_code(string method, string path, string? json,
        HttpStatusCode expected, string code)
    {
        var (status, body) = await Send(new HttpMethod(method), path, json);

        Assert.Equal(expected, status);
        Assert.Equal(code, Code(body));
    }

    [Fact]
    public async Task A_body_not_declared_as_json_is_refused_with_415()
    {
        var (status, body) = await Send(HttpMethod.Post, "/appointments/apt_000007/cancel", "reason=weather",
            "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("unsupported_media_type", Code(body));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_the_service_keeps_serving()
    {
        var json = "{\"reason\": \"" + new string('x', MockHealthApiServer.MaxBodyBytes) + "\"}";

        var (status, body) = await Post("/appointments/apt_000007/cancel", json);
        var (after, _) = await Get("/appointments/apt_000007");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("payload_too_large", Code(body));
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Of_many_simultaneous_requests_for_one_slot_exactly_one_is_created()
    {
        var patients = new[] { "sara_doe_4821", "ana_nunez_0007", "tom_hill_0042", "max_ray_0099", "eve_long_0500" };
        var requests = Enumerable.Range(0, 20).Select(i => Post("/appointments", JsonSerializer.Serialize(new
        {
            patient_id = patients[i % patients.Length],
            provider_id = Lee,
            start = "2026-01-19T09:00",
            appointment_type = "Follow-up",
        })));

        var results = await Task.WhenAll(requests);

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Equal("provider_double_booked", Code(r.Body));
        });
        Assert.Equal(8, new DatasetReader().Read(_folder).Appointments.Count);
    }

    [Fact]
    public async Task Stopping_the_service_closes_the_port()
    {
        var (status, _) = await Get("/");
        _server.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(_server.IsRunning);
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("/"));
        _server.Stop();
    }
}
