BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 60 -ProviderCount 6 -Seed 31 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $api = Start-MockHealthApi -Path $folder
    $base = $api.BaseAddress

    function Invoke-Api {
        # Calls the service and returns the status and the parsed body, for answers and errors alike.
        param([string]$Path, [string]$Method = 'Get', [object]$Body, [string]$ContentType = 'application/json')

        $request = @{ Uri = $base + $Path; Method = $Method; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status' }
        if ($PSBoundParameters.ContainsKey('Body')) {
            $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 5 }
            $request.ContentType = $ContentType
        }
        $answer = Invoke-RestMethod @request
        [pscustomobject]@{ Status = $status; Body = $answer }
    }
}

AfterAll {
    $api | Stop-MockHealthApi
}

Describe 'Start-MockHealthApi' {
    Context 'the service' {
        It 'listens on a free loopback port and says so in BaseAddress' {
            $api | Should -BeOfType ([HealthMock.Api.MockHealthApiServer])
            $api.BaseAddress | Should -Match '^http://127\.0\.0\.1:\d+/$'
            $api.Port | Should -BeGreaterThan 0
            $api.IsRunning | Should -BeTrue
        }

        It 'describes the dataset at the root' {
            $root = Invoke-RestMethod $base

            $root.reference_date | Should -Be '2026-01-15'
            $root.counts.patients | Should -Be 60
            $root.routes | Should -Contain 'POST /appointments/{appointment_id}/reschedule'
        }

        It 'lists every tool with a JSON Schema of its arguments' {
            $tools = (Invoke-RestMethod "${base}tools").tools

            $tools.name | Should -Contain 'schedule_appointment'
            $tools.name | Should -Contain 'estimate_visit_cost'
            $tools.Count | Should -Be 13
            foreach ($tool in $tools) {
                $tool.parameters.type | Should -Be 'object'
                $tool.description | Should -Not -BeNullOrEmpty
            }
        }
    }

    Context 'a front-desk script over HTTP' {
        BeforeAll {
            $patient = $dataset.Patients | Where-Object Age -GE 18 | Select-Object -First 1
            $found = Invoke-RestMethod "${base}patients?email=$([uri]::EscapeDataString($patient.Email))"
            $slots = (Invoke-RestMethod ("${base}providers/$($found.primary_care_provider_id)/slots" +
                    "?appointment_type=Follow-up&patient_id=$($found.id)")).slots
            $booking = Invoke-Api 'appointments' -Method Post -Body @{
                patient_id       = $found.id
                provider_id      = $found.primary_care_provider_id
                start            = $slots[0].start
                appointment_type = 'Follow-up'
            }
            $moved = Invoke-Api "appointments/$($booking.Body.id)/reschedule" -Method Post -Body @{
                start = $slots[6].start
            }
            $canceled = Invoke-Api "appointments/$($moved.Body.appointment.id)/cancel" -Method Post -Body @{
                reason = 'patient_request'
            }
            $estimate = Invoke-RestMethod ("${base}patients/$($found.id)/cost-estimate" +
                "?appointment_id=$($booking.Body.id)")
        }

        It 'finds the patient by email' {
            $found.id | Should -Be $patient.Id
            $found.dob | Should -Be $patient.DateOfBirth.ToString('yyyy-MM-dd')
        }

        It 'lists free slots with the primary care provider' {
            $slots | Should -Not -BeNullOrEmpty
            $slots[0].duration_minutes | Should -BeGreaterThan 0
        }

        It 'books with 201 and a scheduled appointment' {
            $booking.Status | Should -Be 201
            $booking.Body.status | Should -Be 'scheduled'
            $booking.Body.patient_id | Should -Be $patient.Id
        }

        It 'reschedules as one change' {
            $moved.Status | Should -Be 200
            $moved.Body.canceled_appointment.id | Should -Be $booking.Body.id
            $moved.Body.canceled_appointment.cancellation_reason | Should -Be 'rescheduled'
            $moved.Body.appointment.status | Should -Be 'scheduled'
        }

        It 'cancels with the reason' {
            $canceled.Status | Should -Be 200
            $canceled.Body.status | Should -Be 'canceled'
            $canceled.Body.cancellation_reason | Should -Be 'patient_request'
        }

        It 'estimates the cost line by line' {
            $estimate.patient_id | Should -Be $patient.Id
            $estimate.lines.Count | Should -BeGreaterOrEqual 3
            $estimate.patient_share + $estimate.plan_share | Should -Be $estimate.allowed_amount
        }

        It 'calls the same operations as tools' {
            $tool = Invoke-Api 'tools/get_appointment_details' -Method Post -Body @{ appointment_id = $booking.Body.id }

            $tool.Status | Should -Be 200
            $tool.Body.status | Should -Be 'canceled'
        }
    }

    Context 'parallel bookings of one slot' {
        It 'creates exactly one appointment and refuses the others with 409' {
            $provider = $dataset.Providers | Where-Object {
                $_.AcceptingNewPatients -and $_.Specialty -in 'Primary Care', 'Family Medicine'
            } | Select-Object -First 1
            $slot = (Invoke-RestMethod ("${base}providers/$($provider.Id)/slots" +
                    '?from=2026-01-20&to=2026-01-20&appointment_type=Follow-up')).slots[0]
            $adults = @($dataset.Patients | Where-Object Age -GE 18 | Select-Object -First 16)
            $url = "${base}appointments"

            $outcomes = $adults | ForEach-Object -ThrottleLimit 16 -Parallel {
                $body = @{
                    patient_id       = $_.Id
                    provider_id      = $using:provider.Id
                    start            = $using:slot.start
                    appointment_type = 'Follow-up'
                } | ConvertTo-Json
                $answer = Invoke-RestMethod -Uri $using:url -Method Post -Body $body -ContentType 'application/json' `
                    -SkipHttpErrorCheck -StatusCodeVariable code
                [pscustomobject]@{ Status = $code; Code = $answer.error.code }
            }

            @($outcomes | Where-Object Status -EQ 201).Count | Should -Be 1 -Because ($outcomes.Code -join ', ')
            @($outcomes | Where-Object Status -EQ 409).Count | Should -Be ($adults.Count - 1)
            $outcomes | Where-Object Status -EQ 409 | ForEach-Object { $_.Code | Should -BeLike '*_double_booked' }
            $booked = (Import-MockDataset -Path $folder).Appointments | Where-Object {
                $_.ProviderId -eq $provider.Id -and $_.Start -eq [DateTimeOffset]$slot.start -and
                $_.Status -ne 'Canceled'
            }
            @($booked).Count | Should -Be 1
        }
    }

    Context 'bad requests' {
        It 'answers <Case> with <Status> and <Code>' -ForEach @(
            @{ Case = 'an unknown route'; Path = 'nowhere'; Method = 'Get'; Status = 404; Code = 'route_not_found' }
            @{ Case = 'an unknown patient'; Path = 'patients/nobody'; Method = 'Get'; Status = 404; Code = 'not_found' }
            @{ Case = 'a wrong method'; Path = 'appointments/apt_000001'; Method = 'Delete'; Status = 405
                Code = 'method_not_allowed' }
            @{ Case = 'malformed JSON'; Path = 'appointments'; Method = 'Post'; Body = '{"patient_id": '; Status = 400
                Code = 'malformed_json' }
            @{ Case = 'a body that is not an object'; Path = 'appointments'; Method = 'Post'; Body = '"hello"'
                Status = 400; Code = 'invalid_argument' }
            @{ Case = 'a missing argument'; Path = 'appointments'; Method = 'Post'; Body = '{"patient_id": "x"}'
                Status = 400; Code = 'invalid_argument' }
            @{ Case = 'an unknown tool'; Path = 'tools/drop_tables'; Method = 'Post'; Body = '{}'; Status = 404
                Code = 'unknown_tool' }
            @{ Case = 'a canceled appointment canceled again'; Path = 'appointments/apt_000001/cancel'; Method = 'Post'
                Body = '{"reason": "weather"}'; Status = 409; Code = 'invalid_status' }
        ) {
            $call = if ($null -ne $Body) {
                Invoke-Api $Path -Method $Method -Body $Body
            }
            else {
                Invoke-Api $Path -Method $Method
            }

            $call.Status | Should -Be $Status
            $call.Body.error.code | Should -Be $Code
            $call.Body.error.message | Should -Not -BeNullOrEmpty
        }

        It 'answers a form post with 415' {
            $call = Invoke-Api 'appointments/apt_000001/cancel' -Method Post -Body 'reason=weather' `
                -ContentType 'application/x-www-form-urlencoded'

            $call.Status | Should -Be 415
            $call.Body.error.code | Should -Be 'unsupported_media_type'
        }

        It 'answers a body over 64 KB with 413 and keeps serving' {
            $call = Invoke-Api 'appointments' -Method Post -Body ('{"reason": "' + ('x' * 70000) + '"}')

            $call.Status | Should -Be 413
            $call.Body.error.code | Should -Be 'payload_too_large'
            (Invoke-Api '').Status | Should -Be 200
        }
    }

    Context 'after all of it' {
        It 'leaves a folder that passes Test-MockDataset' {
            Test-MockDataset -Path $folder -Quiet | Should -BeTrue
        }
    }
}
