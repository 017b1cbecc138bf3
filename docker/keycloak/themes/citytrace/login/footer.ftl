<#-- Below the login box: the way back to CityTrace (the client's base URL, set in the realm file). -->
<#macro content>
  <#if client?? && client.baseUrl?has_content>
    <p class="citytrace-back"><a href="${client.baseUrl}">${msg("citytraceBack")}</a></p>
  </#if>
</#macro>
