/**
 * The cluster's root CA as minikube generates it (`~/.minikube/ca.crt`): a self-signed RSA 2048
 * certificate for CN=minikubeCA, serial 1, valid ten years from the day before the cluster's
 * epoch, usable for certificate signing, server and client auth. A fixed constant (generated
 * once), so every run of kubeplay publishes the same bytes, as one minikube profile does.
 */
export const MINIKUBE_CA_CERT = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDDAptaW5p',
  'a3ViZUNBMB4XDTI1MTIzMTAwMDAwMFoXDTM1MTIyOTAwMDAwMFowFTETMBEGA1UE',
  'AwwKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBANQN',
  'T2sK/2vsfCP3qSgk8wAm31R7IRDMvNYkM7hnTnXkbpoOLzIMLnfckGpVnsIPU8kr',
  'Rhr9fPGrYN8mddjJ11606FIkDMOVT90anZjjOP+DZfAeCiP+GJ4/LUvdQtVQttLC',
  'jXAmMSNtnmxkaM0N4scDytSrbOH4zIKROLEGDyP8HIzMGCA6BKUUWKiVmrJMBhDx',
  'iFK0DvFRon7Gd8CJ8gps4JHlDuHx3mZrNcfzw2XN8h+q7q30vtspf6kRWzfmcfRo',
  'BIveXf6hcghxhiJu5/hzCpEIYGmUzm5tQtPSwIWcVlwHMuYYrqALRxthp9Ox/eOC',
  'E/SjtvmVIOz+QDmoDZ0CAwEAAaNhMF8wDgYDVR0PAQH/BAQDAgKkMB0GA1UdJQQW',
  'MBQGCCsGAQUFBwMCBggrBgEFBQcDATAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQW',
  'BBSI/MC5H+GSTXEKShvhd5aSVEi9ozANBgkqhkiG9w0BAQsFAAOCAQEAynGwt/+W',
  '7J5Sc+2BrONM+uPHBqr9lZPaLhdh57wpWH5wLFc1stqFr+HCTF0p+6fgWCOtCUNL',
  '1dHPnqC2uyLbbQ3gCd1M9Ae0NHs/i4r6fx1SN+VZ/AYvCi+If+PaX+e5iFD53FPb',
  'Id0UoX3z6PFZEj3FiLfeKEs3HfUUGs6xNDJNwOWGn4UbAwvihZGmLssB/UEkmWk5',
  'G0vtWLeMa6E8U9Gh4c0DbJNXmHRj2GEPRrEX9whWVUxPjQqLFz9heyjFI2sY2+WX',
  'JLcz2aSeFRi0+zLlFD61a85EICmJxAx55udQV5/y573ThLoikbbXuc2mLy43aTK7',
  'Qas18wKwP/rj3w==',
  '-----END CERTIFICATE-----',
  '',
].join('\n');
